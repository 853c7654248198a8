package cn.chongchuan.safetycredit.sanction.delivery;

import java.time.Instant;

/** The state a notice is left in after a delivery round, written only by the lease holder. */
public record DeliveryUpdate(String id, String owner, String status, int calls, int failedRounds,
        Instant nextAttemptAt, Integer httpStatus, String reason, boolean flagged, Instant deliveredAt,
        Instant deadAt) {
}
