package cn.chongchuan.safetycredit.credit.calendar;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.platform.testing.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar in the health detail: the years covered, and a warning that never takes readiness down. */
@ServiceTest
@ExtendWith(OutputCaptureExtension.class)
class CalendarHealthTest {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;
    @Autowired
    MutableClock clock;
    @Autowired
    CalendarService calendar;

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    private JsonNode calendarHealth() {
        Http.Response health = Http.local(managementPort).get("/actuator/health");
        assertThat(health.status()).as(health.body()).isEqualTo(200);
        return health.json().get("components").get("calendar");
    }

    @Test
    void inDecember2026WithoutTheNoticeFor2027TheHealthWarnsAndReadinessStaysUp() {
        clock.set(Instant.parse("2026-12-03T02:00:00Z"));

        JsonNode health = calendarHealth();

        assertThat(health.get("status").asString()).isEqualTo("UP");
        assertThat(health.get("details").get("years").valueStream().map(JsonNode::asInt).toList())
                .contains(2020, 2021, 2022, 2023, 2024, 2025, 2026).doesNotContain(2027);
        assertThat(health.get("details").get("currentYearCovered").asBoolean()).isTrue();
        assertThat(health.get("details").get("nextYearCovered").asBoolean()).isFalse();
        assertThat(health.get("details").get("warning").asString()).contains("next year, 2027");
        Http.Response readiness = Http.local(port).get("/readyz");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.body()).as("no detail on the open service port").doesNotContain("2027", "years");
    }

    @Test
    void withThisYearAndTheNextCoveredThereIsNoWarning() {
        clock.set(Instant.parse("2025-06-01T02:00:00Z"));

        JsonNode health = calendarHealth();

        assertThat(health.get("details").get("nextYearCovered").asBoolean()).isTrue();
        assertThat(health.get("details").has("warning")).isFalse();
    }

    @Test
    void withThisYearMissingTooTheWarningNamesBothAndReadinessStaysUp() {
        clock.set(Instant.parse("2040-06-01T02:00:00Z"));

        assertThat(calendarHealth().get("details").get("warning").asString()).contains("the years 2040 and 2041");
        assertThat(Http.local(port).get("/readyz").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theStartLogsAWarningWhenAYearIsMissing(CapturedOutput output) {
        clock.set(Instant.parse("2026-12-03T02:00:00Z"));

        assertThat(calendar.warnIfIncomplete()).get().asString().contains("2027");
        assertThat(output.getOut()).containsPattern("WARN.*the holiday calendar does not cover next year, 2027");
    }
}
