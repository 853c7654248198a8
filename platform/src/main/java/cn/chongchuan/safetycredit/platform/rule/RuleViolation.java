package cn.chongchuan.safetycredit.platform.rule;

import cn.chongchuan.safetycredit.platform.problem.FieldError;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule of the domain that a request breaks, raised by plain-Java domain code. The domain names
 * the rule (a stable problem type, a title, a detail a clerk can act on, and the facts that explain
 * it, such as the date a defence period ends); the web edge alone turns its {@link Kind} into an
 * HTTP status, so the rules never import a web type and read the same in a test without a context.
 *
 * <p>Subclasses name the rules a reader looks for ({@code DefencePeriodRunning},
 * {@code NotDecidingDepartment}, …); the static factories cover the plain cases.
 */
public class RuleViolation extends RuntimeException {

    /** What kind of refusal it is; the problem handler maps it to 400, 403, 404 or 409. */
    public enum Kind {
        /** A value the rule does not accept (names the field). */
        INVALID,
        /** The thing does not exist, or the requester may not know that it does. */
        NOT_FOUND,
        /** The requester may see it but has no power to do this. */
        FORBIDDEN,
        /** The thing is not in a state that allows this now. */
        CONFLICT
    }

    private final Kind kind;
    private final String type;
    private final String title;
    private final Map<String, Object> facts = new LinkedHashMap<>();

    public RuleViolation(Kind kind, String type, String title, String detail) {
        super(detail);
        this.kind = kind;
        this.type = type;
        this.title = title;
    }

    /** A value the rule refuses: answered as the same validation problem as a bad request field. */
    public static RuleViolation invalid(String field, String reason) {
        return new RuleViolation(Kind.INVALID, "validation", "Invalid request", field + " " + reason)
                .with("errors", List.of(new FieldError(field, reason)));
    }

    /** Nothing of that name, or nothing the requester may know of. */
    public static RuleViolation notFound(String what) {
        return new RuleViolation(Kind.NOT_FOUND, "not-found", "Not found", "no " + what);
    }

    public static RuleViolation conflict(String type, String title, String detail) {
        return new RuleViolation(Kind.CONFLICT, type, title, detail);
    }

    public static RuleViolation forbidden(String type, String title, String detail) {
        return new RuleViolation(Kind.FORBIDDEN, type, title, detail);
    }

    /** Adds a fact that explains the refusal (a problem extension member). */
    public RuleViolation with(String name, Object value) {
        facts.put(name, value);
        return this;
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> facts() {
        return Collections.unmodifiableMap(facts);
    }
}
