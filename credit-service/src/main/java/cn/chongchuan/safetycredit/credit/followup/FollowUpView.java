package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.followup.domain.FollowUpEventKind;
import cn.chongchuan.safetycredit.credit.followup.domain.ReminderChannel;
import cn.chongchuan.safetycredit.credit.followup.domain.VisitOutcome;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The case page of the "一案五制" follow-up: the case, the five mechanisms (checklist reminders,
 * typical-case warning, commitment, return visits, key supervision), the repeat flag and the
 * history of every step.
 */
public record FollowUpView(
        long violationId,
        String caseNumber,
        String department,
        String departmentName,
        Unit unit,
        Criterion criterion,
        LocalDate caseDate,
        List<Reminder> checklistReminders,
        Commitment commitment,
        List<Visit> visits,
        Typical typical,
        KeySupervision keySupervision,
        Repeat repeat,
        List<Event> history) {

    public record Unit(String uscc, String name, String areaCode) {
    }

    public record Criterion(String code, String title) {
    }

    public record Reminder(long id, LocalDate sentOn, ReminderChannel channel, List<ChecklistEntry> items, String note,
                           String recordedBy, Instant recordedAt) {
    }

    public record ChecklistEntry(String code, String title) {
    }

    /** Null on the page until the letter is recorded. */
    public record Commitment(LocalDate signedOn, String text, String documentRef, String recordedBy, Instant recordedAt) {
    }

    public record Visit(int n, LocalDate dueOn, LocalDate visitedOn, VisitOutcome outcome, String note,
                        String recordedBy, Instant recordedAt, boolean overdue, long daysOverdue) {
    }

    public record Typical(boolean typical, String warning, Instant since) {
    }

    public record KeySupervision(LocalDate from, LocalDate until, boolean active) {
    }

    /** Whether an earlier case under the same criterion in the same area lies within the window. */
    public record Repeat(boolean flagged, int earlierInWindow, int windowMonths) {
    }

    public record Event(FollowUpEventKind kind, String actorDepartment, String actorRole, Instant occurredAt, String detail) {
    }
}
