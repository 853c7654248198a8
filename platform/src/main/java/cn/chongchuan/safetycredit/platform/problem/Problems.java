package cn.chongchuan.safetycredit.platform.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** Builds problem responses with the project's stable {@code type} URIs. */
public final class Problems {

    /** Every problem type is {@code /problems/<kind>}, documented in the README. */
    public static final String TYPE_PREFIX = "/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + kind));
        problem.setTitle(title);
        return problem;
    }
}
