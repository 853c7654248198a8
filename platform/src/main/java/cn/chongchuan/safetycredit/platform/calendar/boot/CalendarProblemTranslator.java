package cn.chongchuan.safetycredit.platform.calendar.boot;

import cn.chongchuan.safetycredit.platform.calendar.InvalidHolidayYearException;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.problem.FieldError;
import cn.chongchuan.safetycredit.platform.problem.ProblemTranslator;
import org.springframework.http.HttpStatus;

import java.util.Optional;

/** Answers a holiday arrangement that breaks the calendar's rules as 400, naming each field at fault. */
public class CalendarProblemTranslator implements ProblemTranslator {

    @Override
    public Optional<ApiException> translate(Throwable failure) {
        if (failure instanceof InvalidHolidayYearException invalid) {
            return Optional.of(new ApiException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    invalid.getMessage())
                    .with("errors", invalid.violations().stream().map(v -> new FieldError(v.field(), v.reason())).toList()));
        }
        return Optional.empty();
    }
}
