package cn.chongchuan.safetycredit.credit;

import cn.chongchuan.safetycredit.credit.outbox.OutboxEvent;
import cn.chongchuan.safetycredit.credit.outbox.OutboxMapper;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.tracing.TraceContexts;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class CreditServiceSmokeTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboxMapper outbox;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    Tracer tracer;
    @Autowired
    TraceContexts traces;

    @Test
    void migrationsAreAppliedToItsOwnDatabase() {
        assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).isEqualTo("credit");
        assertThat(jdbc.queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1 AND version = '1'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    void outboxEventsRoundTripThroughTheMapper() {
        String eventId = UUID.randomUUID().toString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        outbox.insert(OutboxEvent.pending(eventId, "U:91320602MA1XXXXX", "LISTING_STARTED", "{\"a\":\"崇川\"}", now));

        OutboxEvent stored = outbox.findByEventId(eventId).orElseThrow();

        assertThat(stored.id()).isPositive();
        assertThat(stored.payload()).isEqualTo("{\"a\":\"崇川\"}");
        assertThat(stored.createdAt()).isEqualTo(now);
        assertThat(stored.publishedAt()).isNull();
        assertThat(stored.traceparent()).isNull();
        assertThat(outbox.findByEventId(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void anOutboxEventKeepsTheTraceparentOfTheRequestThatWroteIt() {
        String eventId = UUID.randomUUID().toString();
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        outbox.insert(OutboxEvent.pending(eventId, "U:91320602MA1XXXXX", "LISTING_STARTED", "{}", Instant.now(),
                traceparent));

        assertThat(outbox.findByEventId(eventId).orElseThrow().traceparent()).isEqualTo(traceparent);
    }

    @Test
    void withoutAnOtlpEndpointNothingIsTraced() {
        // The tests, like the local run, set no endpoint: no spans, no trace ids in the logs, no traceparent sent.
        assertThat(tracer).isSameAs(Tracer.NOOP);
        assertThat(traces.currentTraceparent()).isEmpty();
    }

    @Test
    void redisRoundTrips() {
        redis.opsForValue().set("smoke:credit", "黑名单", Duration.ofSeconds(30));

        assertThat(redis.opsForValue().get("smoke:credit")).isEqualTo("黑名单");
    }

    @Test
    void readinessIsUpWithDatabaseAndRedis() {
        Http.Response readiness = Http.local(port).get("/readyz");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void apiEndpointsRequireAToken() {
        assertThat(Http.local(port).get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void withoutTheGatewaysTokenNothingButTheHealthProbesAnswers() {
        Http direct = Http.local(port);
        for (String path : new String[] {"/api/v1/public/listings", "/api/v1/public/check-signing-key",
                "/api/v1/public/typical-cases", "/v3/api-docs", "/actuator/health", "/actuator/prometheus"}) {
            assertThat(direct.get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(direct.get("/livez").status()).isEqualTo(200);
        assertThat(direct.getPublic("/api/v1/public/listings").status()).isEqualTo(200);
        assertThat(direct.getPublic("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void actuatorIsOnTheManagementPortOnly() {
        Http management = Http.local(managementPort);

        assertThat(managementPort).isNotEqualTo(port);
        // (Tests do not export metrics, so /actuator/prometheus is absent here; health stands for the rest.)
        assertThat(management.get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
        assertThat(Http.local(port).get("/actuator/health/readiness").status()).isEqualTo(401);
    }
}
