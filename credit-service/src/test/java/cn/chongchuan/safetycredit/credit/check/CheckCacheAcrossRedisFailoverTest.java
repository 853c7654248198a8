package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.check.domain.CheckStatus;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.devstack.EmbeddedRedisSentinel;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.platform.web.Caller;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Sentinel primary dies under the check: a listed subject stays LISTED throughout (from MySQL
 * while Redis is away), the cache answers again once the replica is promoted, and a listing decided
 * after the failover is cached on the new primary. A Sentinel set of its own, since it kills the primary.
 */
@ServiceTest
class CheckCacheAcrossRedisFailoverTest {

    static final Caller XZSPJ = new Caller("XZSPJ", Set.of("APPROVAL"));
    private static EmbeddedRedisSentinel sentinel;

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    CheckService checks;

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
    void aListedSubjectStaysListedThroughAFailoverAndTheCacheServesAgainAfterIt() {
        clock.set(Instant.now());
        CheckScenario scenario = new CheckScenario(Http.local(port));
        ViolationFixture before = aViolation();
        scenario.list(CheckScenario.unitListing(scenario.violation(before)), today());
        assertThat(check(before)).extracting(CheckAnswer::status, CheckAnswer::source)
                .containsExactly(CheckStatus.LISTED, CheckService.SOURCE_CACHE);
        sentinel().awaitFailoverReady();

        killPrimary();

        assertThat(check(before)).extracting(CheckAnswer::status, CheckAnswer::source)
                .as("at once, from MySQL").containsExactly(CheckStatus.LISTED, CheckService.SOURCE_DATABASE);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(check(before))
                .extracting(CheckAnswer::status, CheckAnswer::source)
                .containsExactly(CheckStatus.LISTED, CheckService.SOURCE_CACHE));
        assertThat(sentinel().currentPrimaryPort()).as("served by the promoted replica").isEqualTo(sentinel().replicaPort());

        ViolationFixture after = aViolation();
        scenario.list(CheckScenario.unitListing(scenario.violation(after)), today());
        assertThat(check(after)).extracting(CheckAnswer::status, CheckAnswer::source)
                .containsExactly(CheckStatus.LISTED, CheckService.SOURCE_CACHE);
    }

    private CheckAnswer check(ViolationFixture fixture) {
        return checks.check(List.of(fixture.uscc()), null, null, XZSPJ, false).results().getFirst();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
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
