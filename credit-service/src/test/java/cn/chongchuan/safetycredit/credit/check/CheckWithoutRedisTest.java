package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.devstack.EmbeddedRedis;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Redis stopped mid-test (a Redis of this test's own, the shared one keeps running): answers come from MySQL. */
@ServiceTest
@DirtiesContext
class CheckWithoutRedisTest {

    static EmbeddedRedis redis;

    @DynamicPropertySource
    static void ownRedis(DynamicPropertyRegistry registry) {
        redis = EmbeddedRedis.start(0);
        registry.add("spring.data.redis.url", redis::url);
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @Test
    void withRedisStoppedChecksComeFromTheDatabaseWithoutErrorsAndTheCacheComesBack() {
        clock.set(Instant.now());
        Http http = Http.local(port);
        CheckScenario scenario = new CheckScenario(http);
        ViolationFixture fixture = aViolation();
        long listing = CheckScenario.unitListing(scenario.violation(fixture));
        scenario.list(listing, LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))));
        String clear = ViolationFixture.CODES.uscc("320602");
        http.get("/api/v1/checks/" + fixture.uscc(), "Authorization", CheckScenario.xzspj());
        assertThat(http.get("/api/v1/checks/" + fixture.uscc(), "Authorization", CheckScenario.xzspj()).json().get("source").asString())
                .isEqualTo("cache");

        int redisPort = redis.port();
        redis.close();

        for (int i = 0; i < 5; i++) {
            Http.Response single = http.get("/api/v1/checks/" + fixture.uscc(), "Authorization", CheckScenario.xzspj());
            assertThat(single.status()).as(single.body()).isEqualTo(200);
            assertThat(single.json().get("status").asString()).isEqualTo("LISTED");
            assertThat(single.json().get("source").asString()).isEqualTo("database");
        }
        long start = System.nanoTime();
        Http.Response batch = http.postJson("/api/v1/checks", "{\"codes\":[\"" + fixture.uscc() + "\",\"" + clear + "\"]}",
                "Authorization", CheckScenario.xzspj());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no Redis timeout once the breaker is open")
                .isLessThan(Duration.ofMillis(1500));
        assertThat(batch.status()).isEqualTo(200);
        JsonNode results = batch.json().get("results");
        assertThat(results.findValuesAsString("status")).containsExactly("LISTED", "CLEAR");
        assertThat(results.findValuesAsString("source")).containsOnly("database");
        assertThat(results.get(0).get("receipt").get("signature").asString()).isNotBlank();

        redis = EmbeddedRedis.start(redisPort);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                http.get("/api/v1/checks/" + fixture.uscc(), "Authorization", CheckScenario.xzspj()).json().get("source").asString())
                .isEqualTo("cache"));
        assertThat(http.get("/api/v1/checks/" + fixture.uscc(), "Authorization", CheckScenario.xzspj()).json().get("status").asString())
                .isEqualTo("LISTED");
    }
}
