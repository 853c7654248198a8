package cn.chongchuan.safetycredit.sanction;

import cn.chongchuan.safetycredit.platform.token.TestTokens;
import cn.chongchuan.safetycredit.platform.testing.TestClockConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole sanction-service on a random port, on the shared embedded MariaDB and Redis, with a
 * movable clock and delivery timings short enough for tests (one shared context for all classes).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "security.internal-token.secret=" + TestTokens.SECRET,
                // The partner stubs are WireMock on 127.0.0.1 over plain http: allowed explicitly,
                // as an operator would; every other internal address stays refused.
                "sanction.endpoints.allow-http=true",
                "sanction.endpoints.allowed-hosts=127.0.0.1",
                "sanction.delivery.poll-interval=100ms",
                "sanction.delivery.connect-timeout=500ms",
                "sanction.delivery.read-timeout=1s",
                "sanction.delivery.lease=20s",
                "sanction.delivery.busy-retry-delay=200ms",
                "sanction.delivery.retry.max-attempts=2",
                "sanction.delivery.retry.initial-backoff=50ms",
                "sanction.delivery.schedule=1m,5m,10m",
                // No jitter, so tests move the clock to the exact next round (the jitter is proven in
                // DeliveryScheduleTest and RetriesTest); an endpoint failing for 30 min (longer than the
                // 16 min schedule) is disabled.
                "sanction.delivery.schedule-jitter=0",
                "sanction.delivery.disable-after-failing-for=30m",
                "sanction.delivery.bulkhead.max-concurrent-calls=2",
                // Breakers are proven in DepartmentResilienceTest; here they would hide the schedule.
                "sanction.delivery.circuit-breaker.sliding-window-size=100",
                "sanction.delivery.circuit-breaker.minimum-calls=100"})
@Import(TestClockConfiguration.class)
@ActiveProfiles("test")
public @interface ServiceTest {
}
