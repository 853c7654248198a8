package cn.chongchuan.safetycredit.sanction.notice.domain;

import cn.chongchuan.safetycredit.platform.calendar.WorkingDayCalendar;

import java.time.LocalDate;

/** The day by which a department must report back: a number of working days after the notice. */
public final class FeedbackDeadline {

    private final int workingDays;

    public FeedbackDeadline(int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("the feedback deadline needs at least one working day");
        }
        this.workingDays = workingDays;
    }

    /** The last day to report on a notice issued on {@code issuedOn}, counted with the holiday calendar. */
    public LocalDate dueFor(LocalDate issuedOn, WorkingDayCalendar calendar) {
        return calendar.addWorkingDays(issuedOn, workingDays);
    }
}
