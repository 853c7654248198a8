package cn.chongchuan.safetycredit.gateway;

import cn.chongchuan.safetycredit.devstack.EmbeddedRedisSentinel;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Sentinel primary dies under the gateway. The limiter lets requests through when Redis
 * fails, but a command sent to a primary that just died does not fail: Lettuce queues it until it
 * has reconnected — to the new primary, seconds later — unless a command timeout ends the wait.
 * No request may wait for the failover; once it is over, the limits count again. This class has a
 * Sentinel set of its own, since it kills the primary.
 */
@TestPropertySource(properties = {"gateway.rate-limit.department.replenish-rate=10000",
        "gateway.rate-limit.department.burst-capacity=20000"})
class RedisFailoverTest extends GatewayTest {

    private static EmbeddedRedisSentinel sentinel;

    static synchronized EmbeddedRedisSentinel sentinel() {
        if (sentinel == null) {
            sentinel = EmbeddedRedisSentinel.start();
        }
        return sentinel;
    }

    @DynamicPropertySource
    static void behindSentinel(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.sentinel.master", () -> sentinel().masterName());
        registry.add("spring.data.redis.sentinel.nodes", () -> sentinel().sentinelNodes());
    }

    @AfterAll
    static void stopSentinel() {
        sentinel().close();
    }

    @Test
    void noRequestWaitsForTheFailoverAndTheLimitsCountAgainAfterIt() {
        sentinel().awaitFailoverReady();
        assertThat(check().headers().firstValue("X-RateLimit-Remaining").map(Long::parseLong).orElseThrow())
                .as("counted in Redis").isNotNegative();

        killPrimary();
        List<Long> millis = new ArrayList<>();
        long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            assertThat(check().statusCode()).isEqualTo(200);
            millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
        }

        assertThat(Collections.max(millis)).as("the slowest of %d requests during the failover, ms", millis.size())
                .isLessThan(1500);
        await().atMost(Duration.ofSeconds(20)).until(() -> sentinel().currentPrimaryPort() == sentinel().replicaPort());
        await().atMost(Duration.ofSeconds(20)).until(() -> check().headers().firstValue("X-RateLimit-Remaining")
                .map(Long::parseLong).orElse(-1L) >= 0);
    }

    private HttpResponse<String> check() {
        return getWithKey("/api/v1/checks/91310110666007217T", APPROVAL_KEY);
    }

    private static void killPrimary() {
        RedisClient client = RedisClient.create();
        try (var primary = client.connect(RedisURI.create("127.0.0.1", sentinel().primaryPort()))) {
            primary.sync().shutdown(false);
        } catch (RedisException closedWithoutAnAnswer) {
            // SHUTDOWN answers nothing
        } finally {
            client.shutdown();
        }
    }
}
