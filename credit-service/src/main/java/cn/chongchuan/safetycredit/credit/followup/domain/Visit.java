package cn.chongchuan.safetycredit.credit.followup.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A return visit: due on a day, recorded once with the day it took place and its outcome. */
public record Visit(int n, LocalDate dueOn, LocalDate visitedOn, VisitOutcome outcome) {

    public static Visit scheduled(int n, LocalDate dueOn) {
        return new Visit(n, dueOn, null, null);
    }

    public boolean isRecorded() {
        return visitedOn != null;
    }

    /** Overdue: not recorded and its due day is over (a visit due today is not yet overdue). */
    public boolean isOverdueOn(LocalDate day) {
        return !isRecorded() && dueOn.isBefore(day);
    }

    /** Days past the due day on {@code day}; 0 when not overdue. */
    public long daysOverdueOn(LocalDate day) {
        return isOverdueOn(day) ? ChronoUnit.DAYS.between(dueOn, day) : 0;
    }
}
