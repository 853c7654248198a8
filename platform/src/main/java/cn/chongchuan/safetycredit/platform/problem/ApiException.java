package cn.chongchuan.safetycredit.platform.problem;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure the caller can act on, answered as an RFC 9457 problem: a status, a stable problem
 * kind (the last segment of its {@code type} URI), a human title and detail, and extensions such as
 * the field at fault.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String kind;
    private final String title;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ApiException(HttpStatus status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    /** 400: one input field is wrong, named in the problem's {@code errors}. */
    public static ApiException badField(String field, String reason) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", field + " " + reason)
                .with("errors", List.of(new FieldError(field, reason)));
    }

    /** 404: the thing named does not exist (or is not visible to the caller). */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", "no " + what);
    }

    /** Adds an extension member to the problem response. */
    public ApiException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }
}
