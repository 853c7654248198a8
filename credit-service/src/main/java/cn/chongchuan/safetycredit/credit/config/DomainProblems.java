package cn.chongchuan.safetycredit.credit.config;

import cn.chongchuan.safetycredit.credit.listing.domain.IllegalTransitionException;
import cn.chongchuan.safetycredit.credit.subject.domain.InvalidCodeException;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.problem.FieldError;
import cn.chongchuan.safetycredit.platform.problem.ProblemTranslator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Answers the blacklist's domain exceptions as problems: bad codes 400, illegal transitions 409. */
@Component
class DomainProblems implements ProblemTranslator {

    @Override
    public Optional<ApiException> translate(Throwable failure) {
        if (failure instanceof InvalidCodeException code) {
            ApiException problem = new ApiException(HttpStatus.BAD_REQUEST, "invalid-code", "Invalid code",
                    code.field() + " " + code.getMessage())
                    .with("errors", List.of(new FieldError(code.field(), code.getMessage())));
            if (code.position() > 0) {
                problem.with("position", code.position());
            }
            if (code.expected() != null) {
                problem.with("expectedCheckCharacter", String.valueOf(code.expected()));
            }
            return Optional.of(problem);
        }
        if (failure instanceof IllegalTransitionException transition) {
            return Optional.of(new ApiException(HttpStatus.CONFLICT, "illegal-transition", "Illegal transition",
                    transition.getMessage())
                    .with("currentState", transition.current().name())
                    .with("allowedActions", transition.allowed().stream().map(Enum::name).sorted().toList()));
        }
        return Optional.empty();
    }
}
