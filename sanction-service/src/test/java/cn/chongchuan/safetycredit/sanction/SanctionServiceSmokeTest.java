package cn.chongchuan.safetycredit.sanction;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import cn.chongchuan.safetycredit.sanction.inbox.internal.ReceivedEvent;
import cn.chongchuan.safetycredit.sanction.inbox.internal.ReceivedEventMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class SanctionServiceSmokeTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReceivedEventMapper receivedEvents;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void migrationsAreAppliedToItsOwnDatabase() {
        assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).isEqualTo("sanction");
        assertThat(jdbc.queryForList("SHOW TABLES", String.class)).contains("received_event", "flyway_schema_history");
    }

    @Test
    void aRedeliveredEventIsRecognisedByTheMapper() {
        ReceivedEvent event = new ReceivedEvent(UUID.randomUUID().toString(), "LISTING_STARTED",
                "U:91320602MA1XXXXX", Instant.now().truncatedTo(ChronoUnit.MILLIS));

        assertThat(receivedEvents.insertIfAbsent(event)).isEqualTo(1);
        assertThat(receivedEvents.insertIfAbsent(event)).isZero();
        assertThat(receivedEvents.findByEventId(event.eventId())).contains(event);
    }

    @Test
    void redisRoundTrips() {
        redis.opsForHash().put("smoke:sanction", "notice", "联合惩戒");

        assertThat(redis.opsForHash().get("smoke:sanction", "notice")).isEqualTo("联合惩戒");
        redis.delete("smoke:sanction");
    }

    @Test
    void readinessIsUpAndTheApiTrustsOnlySignedTokens() {
        Http http = Http.local(port);

        assertThat(http.get("/readyz").json().get("status").asString()).isEqualTo("UP");
        assertThat(http.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/me", "Authorization", TestTokens.bearer("ZJJ", "PARTNER")).status()).isEqualTo(200);
    }

    @Test
    void withoutTheGatewaysTokenNothingButTheHealthProbesAnswerAndActuatorIsOnTheManagementPort() {
        Http http = Http.local(port);
        for (String path : new String[] {"/v3/api-docs", "/actuator/health", "/actuator/prometheus", "/api/v1/measures"}) {
            assertThat(http.get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(http.get("/api/v1/me", "Authorization", TestTokens.publicBearer()).status())
                .as("the anonymous token on a keyed path").isEqualTo(403);
        assertThat(http.get("/livez").status()).isEqualTo(200);

        assertThat(managementPort).isNotEqualTo(port);
        assertThat(Http.local(managementPort).get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
