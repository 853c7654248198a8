package cn.chongchuan.safetycredit.credit.listing.domain;

import cn.chongchuan.safetycredit.platform.calendar.WorkingDayCalendar;
import cn.chongchuan.safetycredit.platform.rule.RuleViolation;

import java.time.LocalDate;
import java.util.List;

/**
 * The notice of intended listing (列入告知) as served on the party: its date, the day and the way
 * it reached the party (送达), and the end of the defence period counted from that day.
 */
public record PartyNotice(LocalDate date, LocalDate servedOn, ServiceMethod method, LocalDate defenceDeadline) {

    /**
     * A notice dated {@code date} and served on {@code servedOn}: neither in the future, and not
     * served before it was written. The defence period runs from the day of service, in working
     * days of the calendar.
     */
    public static PartyNotice served(LocalDate date, LocalDate servedOn, ServiceMethod method, LocalDate today,
            WorkingDayCalendar calendar, int defenceWorkingDays) {
        Dates.requireNotFuture(date, "noticeDate", today);
        Dates.requireNotFuture(servedOn, "servedOn", today);
        if (servedOn.isBefore(date)) {
            throw RuleViolation.invalid("servedOn", "is before the notice date " + date);
        }
        return new PartyNotice(date, servedOn, method, calendar.addWorkingDays(servedOn, defenceWorkingDays));
    }

    /** Whether the calendar knew every year the defence period runs through when it was counted. */
    public boolean countedWith(WorkingDayCalendar calendar) {
        return calendar.covers(servedOn, defenceDeadline);
    }

    /**
     * The defence deadline as the calendar counts it now: a year the credit office added after the
     * notice (or corrected) may move it later, never earlier than the one the notice was given. A
     * period that runs into a year the calendar does not cover cannot be counted lawfully (its
     * holidays are unknown; counted Monday to Friday it would end too early).
     */
    public LocalDate defenceDeadlineUnder(WorkingDayCalendar calendar, int defenceWorkingDays) {
        LocalDate from = servedOn != null ? servedOn : date;
        LocalDate recounted = calendar.addWorkingDays(from, defenceWorkingDays);
        LocalDate deadline = defenceDeadline == null || recounted.isAfter(defenceDeadline) ? recounted : defenceDeadline;
        if (!calendar.covers(from, deadline)) {
            throw RuleViolation.conflict("calendar-year-missing", "Holiday calendar year missing",
                    "the defence period from " + from + " runs into a year the holiday calendar does not cover "
                            + "(covered: " + calendar.years() + "), so its end cannot be counted: the credit office adds "
                            + "the State Council's arrangement for that year (POST /api/v1/calendar/years) first")
                    .with("coveredYears", List.copyOf(calendar.years()));
        }
        return deadline;
    }
}
