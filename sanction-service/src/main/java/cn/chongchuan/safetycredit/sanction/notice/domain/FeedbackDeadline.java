package cn.chongchuan.safetycredit.sanction.notice.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** The day by which a department must report back: a number of working days after the notice. */
public final class FeedbackDeadline {

    private final int workingDays;
    private final Set<LocalDate> holidays;

    public FeedbackDeadline(int workingDays, Set<LocalDate> holidays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("the feedback deadline needs at least one working day");
        }
        this.workingDays = workingDays;
        this.holidays = Set.copyOf(holidays);
    }

    /** The last day to report on a notice issued on {@code issuedOn}, skipping weekends and holidays. */
    public LocalDate dueFor(LocalDate issuedOn) {
        LocalDate day = issuedOn;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(day);
    }
}
