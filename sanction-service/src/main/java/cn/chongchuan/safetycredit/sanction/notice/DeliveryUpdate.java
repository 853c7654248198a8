package cn.chongchuan.safetycredit.sanction.notice;

import cn.chongchuan.safetycredit.sanction.notice.domain.DeliveryStatus;

import java.time.Instant;

/**
 * The state a notice is left in after a delivery round, written only by the lease holder.
 *
 * @param owner         the dispatcher holding the lease
 * @param calls         calls made in the round (added to the notice's attempts)
 * @param nextAttemptAt when a notice left QUEUED is due again
 * @param httpStatus    the last status a department answered, if any
 * @param reason        why the round did not deliver, if it did not
 * @param endedAt       when the round ended
 */
public record DeliveryUpdate(String noticeId, String owner, DeliveryStatus status, int calls, int failedRounds,
        Instant nextAttemptAt, Integer httpStatus, String reason, Instant endedAt) {

    /** Whether ADMIN must look: the department refused the notice, or the schedule ran out. */
    public boolean flagged() {
        return status == DeliveryStatus.REJECTED || status == DeliveryStatus.DEAD;
    }

    public Instant deliveredAt() {
        return status == DeliveryStatus.DELIVERED ? endedAt : null;
    }

    public Instant deadAt() {
        return status == DeliveryStatus.DEAD ? endedAt : null;
    }
}
