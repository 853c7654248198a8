package cn.chongchuan.safetycredit.sanction.support;

import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.problem.FieldError;
import org.springframework.http.HttpStatus;

import java.util.List;

/** The problems sanction-service raises itself, in the same shapes as the platform's. */
public final class SanctionProblems {

    private SanctionProblems() {
    }

    /** 400 naming the field at fault, like a Bean Validation failure. */
    public static ApiException invalid(String field, String reason) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", field + " " + reason)
                .with("errors", List.of(new FieldError(field, reason)));
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist.");
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    public static ApiException conflict(String kind, String detail) {
        return new ApiException(HttpStatus.CONFLICT, kind, "Conflict", detail);
    }
}
