package cn.chongchuan.safetycredit.platform.problem;

import java.util.Optional;

/**
 * Lets a service turn its own domain exceptions (which know nothing of HTTP) into problems; the
 * one {@link ApiProblemHandler} asks every translator before it answers 500.
 */
public interface ProblemTranslator {

    Optional<ApiException> translate(Throwable failure);
}
