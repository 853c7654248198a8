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
 * @param schedule          delays between failed rounds; after the last the notice is DEAD. The default
 *                          is the Standard Webhooks / Svix schedule (after the first, immediate round: 5 s,
 *                          5 min, 30 min, 2 h, 5 h, 10 h, 10 h) with five more 10 h waits, so a notice is
 *                          tried for 77 h 35 min (3 days 5½ h, more with jitter) in 13 rounds
 * @param scheduleJitter    each delay is lengthened by a random part of up to this fraction of it (never
 *                          shortened): spreads the retries of notices that failed together
 * @param retryAfterMax     the longest wait a department's {@code Retry-After} (on 429 and 503) can ask for
 * @param disableAfterFailingFor an endpoint whose every round has failed for this long is disabled
 *                          (reason FAILING); must be longer than a notice's longest schedule, so that an
 *                          endpoint is only disabled after an outage outlasted everything the schedule tolerates
 * @param disabledEndpointRecheck a notice claimed while its department's endpoint is disabled waits this long
 *                          (no round counted) before it is looked at again; enabling the endpoint makes the
 *                          waiting notices due at once, so this only bounds a race with that
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
        @DefaultValue({"5s", "5m", "30m", "2h", "5h", "10h", "10h", "10h", "10h", "10h", "10h", "10h"})
        List<Duration> schedule,
        @DefaultValue("0.1") double scheduleJitter,
        @DefaultValue("10h") Duration retryAfterMax,
        @DefaultValue("5d") Duration disableAfterFailingFor,
        @DefaultValue("1h") Duration disabledEndpointRecheck,
        @DefaultValue("true") boolean legacySignatureHeaders) {

    public DeliveryProperties {
        DeliverySchedule rounds = new DeliverySchedule(schedule, scheduleJitter);
        if (retryAfterMax.isNegative()) {
            throw new IllegalStateException("sanction.delivery.retry-after-max must not be negative");
        }
        if (disableAfterFailingFor.compareTo(rounds.longestSpan()) <= 0) {
            throw new IllegalStateException("sanction.delivery.disable-after-failing-for (" + disableAfterFailingFor
                    + ") must be longer than a notice's longest schedule (" + rounds.longestSpan()
                    + "): an endpoint is disabled only after an outage outlasted the whole schedule");
        }
        if (!disabledEndpointRecheck.isPositive()) {
            throw new IllegalStateException("sanction.delivery.disabled-endpoint-recheck must be positive");
        }
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

    /** The schedule of rounds, with its jitter. */
    public DeliverySchedule deliverySchedule() {
        return new DeliverySchedule(schedule, scheduleJitter);
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
