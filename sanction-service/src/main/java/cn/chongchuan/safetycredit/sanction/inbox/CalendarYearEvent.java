package cn.chongchuan.safetycredit.sanction.inbox;

import cn.chongchuan.safetycredit.platform.calendar.Holiday;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A year of the holiday calendar the credit office added or corrected in credit-service, as
 * docs/contracts.md defines it. The arrangement itself (year, source, holidays) is checked by the
 * calendar's own rules, which name every field at fault.
 */
public record CalendarYearEvent(
        @NotBlank @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                message = "must be a UUID") String eventId,
        @NotBlank @Pattern(regexp = "CALENDAR_YEAR_SET", message = "must be CALENDAR_YEAR_SET") String eventType,
        @NotNull Instant occurredAt,
        @PositiveOrZero Long sequence,
        Integer year,
        @NotNull @Positive Integer revision,
        String source,
        List<Holiday> holidays,
        @Size(max = 32) String setBy,
        @Size(max = 500) String reason) {
}
