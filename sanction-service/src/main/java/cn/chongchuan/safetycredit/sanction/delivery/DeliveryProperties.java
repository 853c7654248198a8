package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.sanction.delivery.domain.DeliverySchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How notices are delivered to department endpoints ({@code sanction.delivery.*}).
 *
 * @param dispatcherEnabled whether this instance runs the dispatcher loop
 * @param instanceId        this dispatcher's name in leases and attempt rows (default: host + random)
 * @param pollInterval      how often due notices are looked for (new notices wake the loop at once)
 * @param batchSize         notices claimed per poll
 * @param maxInFlight       notices this instance delivers at once
 * @param lease             how long a claim is exclusive; must outlast one full round of calls
 * @param connectTimeout    per call
 * @param readTimeout       per call
 * @param busyRetryDelay    when a department's bulkhead is full, the notice waits this long (no attempt counted)
 * @param retry             calls within one round: exponential backoff with jitter
 * @param circuitBreaker    per department
 * @param bulkhead          per department: concurrent calls
 * @param schedule          delays between failed rounds; after the last the notice is DEAD
 * @param legacySignatureHeaders also send the pre-Standard-Webhooks headers {@code X-Notice-Id},
 *                          {@code X-Notice-Timestamp}, {@code X-Notice-Signature} (unchanged), for the
 *                          departments that still verify them; to be switched off once none does
 */
@ConfigurationProperties("sanction.delivery")
public record DeliveryProperties(
        @DefaultValue("true") boolean dispatcherEnabled,
        String instanceId,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("32") int maxInFlight,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("5s") Duration busyRetryDelay,
        @DefaultValue Retry retry,
        @DefaultValue CircuitBreaker circuitBreaker,
        @DefaultValue Bulkhead bulkhead,
        @DefaultValue({"1m", "5m", "15m", "30m", "1h", "2h", "4h", "8h"}) List<Duration> schedule,
        @DefaultValue("true") boolean legacySignatureHeaders) {

    public DeliveryProperties {
        new DeliverySchedule(schedule);
        Duration worstRound = connectTimeout.plus(readTimeout).multipliedBy(retry.maxAttempts());
        Duration backoff = retry.initialBackoff();
        for (int i = 1; i < retry.maxAttempts(); i++) {
            worstRound = worstRound.plus(Duration.ofMillis((long) (backoff.toMillis() * (1 + retry.jitter()))));
            backoff = Duration.ofMillis((long) (backoff.toMillis() * retry.multiplier()));
        }
        if (lease.compareTo(worstRound) <= 0) {
            throw new IllegalStateException("sanction.delivery.lease (" + lease + ") must outlast one round of calls ("
                    + worstRound + "), or a notice could be sent by two dispatchers at once");
        }
    }

    /** Retries within one round. */
    public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("2.0") double multiplier, @DefaultValue("0.5") double jitter) {
    }

    /** Opens after the failure rate of the last calls to one department passes the threshold. */
    public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindowSize, @DefaultValue("5") int minimumCalls,
            @DefaultValue("30s") Duration openFor) {
    }

    /** Concurrent calls to one department. */
    public record Bulkhead(@DefaultValue("4") int maxConcurrentCalls) {
    }
}
