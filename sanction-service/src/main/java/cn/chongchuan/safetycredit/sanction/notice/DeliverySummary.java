package cn.chongchuan.safetycredit.sanction.notice;

import java.time.Instant;

/**
 * Per department: how many notices stand where, and what needs ADMIN's attention. The counts come
 * from the notices; the state of the department's circuit breaker is the dispatcher's to add.
 */
public record DeliverySummary(String department, long queued, long inFlight, long delivered, long rejected,
        long dead, long pull, long flagged, long acknowledged, long answered, Instant lastDeliveredAt,
        Instant oldestPendingSince, String circuitBreaker) {

    public DeliverySummary withCircuitBreaker(String state) {
        return new DeliverySummary(department, queued, inFlight, delivered, rejected, dead, pull, flagged,
                acknowledged, answered, lastDeliveredAt, oldestPendingSince, state);
    }
}
