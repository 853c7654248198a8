package cn.chongchuan.safetycredit.credit.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A listing with everything a department needs to act on it: the subject (persons masked), the
 * basis, its state as of today, the dates, what may happen next, its linked listings and history.
 */
public record ListingView(
        long id,
        String subjectType,
        String subjectName,
        String subjectCode,
        long violationId,
        String criterionCode,
        String criterionTitle,
        String department,
        String departmentName,
        String state,
        String recordedState,
        Instant proposedAt,
        LocalDate noticeDate,
        LocalDate servedOn,
        String serviceMethod,
        LocalDate defenceDeadline,
        String decisionNumber,
        LocalDate listedFrom,
        LocalDate listedUntil,
        LocalDate repairEligibleFrom,
        LocalDate endedOn,
        List<String> allowedActions,
        List<Linked> linked,
        List<HistoryEntry> history) {

    /** A listing of the same violation (joint liability). */
    public record Linked(long id, String subjectType, String subjectName, String state) {
    }

    /** One event of the history. */
    public record HistoryEntry(String kind, String fromState, String toState, String actorDepartment, String actorRole,
                               Instant occurredAt, String reason, List<String> evidence) {
    }
}
