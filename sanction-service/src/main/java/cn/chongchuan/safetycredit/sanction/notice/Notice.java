package cn.chongchuan.safetycredit.sanction.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One notice to one department about one case, with its delivery and feedback state. */
public record Notice(String id, long caseId, long listingId, String departmentCode, String kind, String eventId,
        List<String> measureCodes, String body, String status, int attempts, int failedRounds,
        Instant nextAttemptAt, String leaseOwner, Instant leaseUntil, Integer lastHttpStatus, String lastReason,
        boolean flagged, Instant deliveredAt, Instant deadAt, Instant acknowledgedAt, LocalDate feedbackDueOn,
        Instant feedbackAt, Instant createdAt) {

    public Notice {
        measureCodes = measureCodes == null ? List.of() : List.copyOf(measureCodes);
    }
}
