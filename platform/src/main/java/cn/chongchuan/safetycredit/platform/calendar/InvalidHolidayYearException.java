package cn.chongchuan.safetycredit.platform.calendar;

import java.util.List;
import java.util.stream.Collectors;

/** A holiday arrangement that breaks a rule of {@link HolidayYear}; lists every field at fault. */
public class InvalidHolidayYearException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidHolidayYearException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + " " + v.reason()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** One field at fault (e.g. {@code holidays[1].workingDays[0]}) and why. */
    public record Violation(String field, String reason) {
    }
}
