package cn.chongchuan.safetycredit.sanction.delivery;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * One bulkhead, retry and circuit breaker per department (Resilience4j), so that a slow or dead
 * department uses up only its own slots and, once its breaker opens, costs no time at all.
 */
@Component
class DepartmentResilience {

    private final BulkheadRegistry bulkheads;
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry breakers;

    public DepartmentResilience(DeliveryProperties properties, MeterRegistry meters) {
        DeliveryProperties.Retry retry = properties.retry();
        this.retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(retry.maxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(retry.initialBackoff(),
                        retry.multiplier(), retry.jitter()))
                .retryOnException(e -> e instanceof TransientDeliveryFailure failure && failure.retryableWithinRound())
                .build());
        DeliveryProperties.CircuitBreaker breaker = properties.circuitBreaker();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(breaker.slidingWindowSize())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(TransientDeliveryFailure.class)
                .build());
        this.bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.bulkhead().maxConcurrentCalls())
                .maxWaitDuration(Duration.ZERO)
                .build());
        // resilience4j_circuitbreaker_state{name="department-<code>",state=...} and the call counts:
        // the operators alert on a department whose breaker stays open.
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
    }

    /**
     * Runs one delivery round for a department: inside its bulkhead, retried with backoff, each
     * call through its circuit breaker. Throws {@link TransientDeliveryFailure} when the round
     * failed, {@link CallNotPermittedException} when the breaker is open, {@link BulkheadFullException}
     * when the department already has its maximum of calls running.
     */
    public <T> T callDepartment(String department, Supplier<T> call) {
        String name = "department-" + department;
        Supplier<T> guarded = CircuitBreaker.decorateSupplier(breakers.circuitBreaker(name), call);
        guarded = Retry.decorateSupplier(retries.retry(name), guarded);
        guarded = Bulkhead.decorateSupplier(bulkheads.bulkhead(name), guarded);
        return guarded.get();
    }

    /** The breaker state of a department, for the delivery summary. */
    public String breakerState(String department) {
        return breakers.find("department-" + department).map(b -> b.getState().name()).orElse("CLOSED");
    }
}
