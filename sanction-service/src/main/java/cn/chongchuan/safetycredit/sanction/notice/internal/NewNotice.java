package cn.chongchuan.safetycredit.sanction.notice.internal;

import cn.chongchuan.safetycredit.sanction.notice.domain.DeliveryStatus;
import cn.chongchuan.safetycredit.sanction.notice.domain.NoticeKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A notice as the fan-out writes it: what it says, and how its delivery starts — QUEUED for a
 * department with an endpoint (due at once), PULL for one that fetches its inbox. Attempts, lease,
 * outcome and answers all start empty.
 *
 * @param body the exact JSON the department receives, signed as it is on every retry
 * @param traceparent the W3C traceparent of the listing event's intake, or null (tracing off)
 * @param feedSeq the notice's number in its department's feed ({@link NoticeMapper#bumpFeedSequences})
 */
public record NewNotice(String id, long caseId, long listingId, String departmentCode, NoticeKind kind,
        String eventId, List<String> measureCodes, String body, DeliveryStatus status, LocalDate feedbackDueOn,
        Instant createdAt, String traceparent, long feedSeq) {

    public NewNotice {
        measureCodes = List.copyOf(measureCodes);
    }

    /** A queued notice is due for its first round as soon as it exists; a pulled one is never sent. */
    public Instant nextAttemptAt() {
        return status == DeliveryStatus.QUEUED ? createdAt : null;
    }
}
