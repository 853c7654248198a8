package cn.chongchuan.safetycredit.sanction.delivery;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DepartmentResilienceTest {

    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final DepartmentResilience resilience = new DepartmentResilience(new DeliveryProperties(true, "test",
            Duration.ofSeconds(1), 50, 32, Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(1), new DeliveryProperties.Retry(3, Duration.ofMillis(1), 2.0, 0.5),
            new DeliveryProperties.CircuitBreaker(50, 4, 4, Duration.ofMinutes(1)),
            new DeliveryProperties.Bulkhead(1), List.of(Duration.ofMinutes(1)), 0, Duration.ofHours(1),
            Duration.ofDays(1), Duration.ofHours(1), true), meters);

    @Test
    void aTransientFailureIsRetriedUpToTheMaximumOfAttempts() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> resilience.callDepartment("A", () -> {
            calls.incrementAndGet();
            throw new TransientDeliveryFailure(503, "HTTP 503");
        })).isInstanceOf(TransientDeliveryFailure.class);
        assertThat(calls).hasValue(3);
    }

    @Test
    void aRefusalReturnedAsAResultIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();

        String result = resilience.callDepartment("B", () -> calls.incrementAndGet() > 0 ? "REJECTED" : "?");

        assertThat(result).isEqualTo("REJECTED");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aFailingDepartmentsBreakerOpensAndThenCostsNoCallsWhileOthersStillCall() {
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> resilience.callDepartment("C", () -> {
                calls.incrementAndGet();
                throw new TransientDeliveryFailure(null, "timeout");
            })).isInstanceOfAny(TransientDeliveryFailure.class, CallNotPermittedException.class);
        }
        int callsWhenOpen = calls.get();

        assertThatThrownBy(() -> resilience.callDepartment("C", calls::incrementAndGet))
                .isInstanceOf(CallNotPermittedException.class);
        assertThat(calls).hasValue(callsWhenOpen);
        assertThat(resilience.breakerState("C")).isEqualTo("OPEN");
        assertThat(resilience.callDepartment("D", () -> "delivered")).isEqualTo("delivered");
    }

    @Test
    void anOpenBreakerShowsInTheMetricsTheOperatorsAlertOn() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> resilience.callDepartment("F", () -> {
                throw new TransientDeliveryFailure(null, "timeout");
            })).isInstanceOfAny(TransientDeliveryFailure.class, CallNotPermittedException.class);
        }
        resilience.callDepartment("G", () -> "delivered");

        assertThat(state("department-F", "open")).isEqualTo(1.0);
        assertThat(state("department-F", "closed")).isEqualTo(0.0);
        assertThat(state("department-G", "closed")).isEqualTo(1.0);
    }

    private double state(String breaker, String state) {
        return meters.get("resilience4j.circuitbreaker.state").tag("name", breaker).tag("state", state).gauge().value();
    }

    @Test
    void aDepartmentGetsNoMoreConcurrentCallsThanItsBulkheadAllows() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> resilience.callDepartment("E", () -> {
            inside.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "late";
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> resilience.callDepartment("E", () -> "second")).isInstanceOf(BulkheadFullException.class);
        assertThat(resilience.callDepartment("F", () -> "other department")).isEqualTo("other department");
        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS)).isEqualTo("late");
    }
}
