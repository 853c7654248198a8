package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.devstack.EmbeddedMariaDb;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * MySQL stopped mid-test (a MariaDB of this test's own, the shared one keeps running): cached
 * answers are still served, a miss is a 503 with Retry-After, never a guessed CLEAR.
 */
@ServiceTest
@DirtiesContext
class CheckWithoutDatabaseTest {

    static EmbeddedMariaDb mariaDb;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        mariaDb = EmbeddedMariaDb.start(0);
        mariaDb.createDatabase("credit_outage");
        registry.add("spring.datasource.url", () -> mariaDb.jdbcUrl("credit_outage"));
        registry.add("spring.datasource.username", mariaDb::username);
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.hikari.connection-timeout", () -> "500");
        registry.add("spring.datasource.hikari.validation-timeout", () -> "250");
    }

    @AfterAll
    static void stopDatabase() {
        mariaDb.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    @Test
    void withTheDatabaseStoppedCachedAnswersAreServedAndMissesAreRetryLater() {
        clock.set(Instant.now());
        Http http = Http.local(port);
        CheckScenario scenario = new CheckScenario(http);
        ViolationFixture fixture = aViolation();
        long listing = CheckScenario.unitListing(scenario.violation(fixture));
        scenario.list(listing, LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))));
        String cachedClear = ViolationFixture.CODES.uscc("320602");
        String neverAsked = ViolationFixture.CODES.uscc("320602");
        http.postJson("/api/v1/checks", "{\"codes\":[\"" + fixture.uscc() + "\",\"" + cachedClear + "\"]}",
                "Authorization", CheckScenario.xzspj());

        mariaDb.close();

        Http.Response listed = http.get("/api/v1/checks/" + fixture.uscc(), "Authorization", CheckScenario.xzspj());
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        assertThat(listed.json().get("status").asString()).isEqualTo("LISTED");
        assertThat(listed.json().get("source").asString()).isEqualTo("cache");
        assertThat(listed.json().get("basis").get("decisionNumber").asString()).contains(String.valueOf(listing));
        assertThat(listed.json().get("measures").findValuesAsString("code")).contains("M-XZSPJ-01");
        assertThat(http.get("/api/v1/checks/" + cachedClear, "Authorization", CheckScenario.xzspj()).json().get("status").asString())
                .isEqualTo("CLEAR");

        Http.Response miss = http.get("/api/v1/checks/" + neverAsked, "Authorization", CheckScenario.xzspj());
        assertThat(miss.status()).as(miss.body()).isEqualTo(503);
        assertThat(miss.header("Retry-After")).isEqualTo("5");
        assertThat(miss.contentType()).startsWith("application/problem+json");
        assertThat(miss.json().get("type").asString()).endsWith("/check-unavailable");
        assertThat(miss.body()).doesNotContain("CLEAR");

        Http.Response batch = http.postJson("/api/v1/checks", "{\"codes\":[\"" + fixture.uscc() + "\",\"" + neverAsked + "\"]}",
                "Authorization", CheckScenario.xzspj());
        assertThat(batch.status()).isEqualTo(200);
        assertThat(batch.header("Retry-After")).isEqualTo("5");
        JsonNode results = batch.json().get("results");
        assertThat(results.get(0).get("status").asString()).isEqualTo("LISTED");
        assertThat(results.get(1).has("status")).isFalse();
        assertThat(results.get(1).get("error").get("kind").asString()).isEqualTo("unavailable");
        assertThat(results.get(1).get("error").get("retryAfterSeconds").asLong()).isEqualTo(5);
    }
}
