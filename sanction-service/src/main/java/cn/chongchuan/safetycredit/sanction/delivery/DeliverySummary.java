package cn.chongchuan.safetycredit.sanction.delivery;

import java.time.Instant;

/** Per department: how many notices stand where, and what needs ADMIN's attention. */
public record DeliverySummary(String department, long queued, long inFlight, long delivered, long rejected,
        long dead, long pull, long flagged, long acknowledged, long answered, Instant lastDeliveredAt,
        Instant oldestPendingSince, String circuitBreaker) {

    DeliverySummary withCircuitBreaker(String state) {
        return new DeliverySummary(department, queued, inFlight, delivered, rejected, dead, pull, flagged,
                acknowledged, answered, lastDeliveredAt, oldestPendingSince, state);
    }
}
