package cn.chongchuan.safetycredit.sanction.calendar;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The calendar in sanction-service's health detail: the years covered, and a warning that never takes readiness down. */
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

    private Duration savedOffset;

    @BeforeEach
    void saveClock() {
        savedOffset = clock.offset();
    }

    @AfterEach
    void restoreClock() {
        clock.restore(savedOffset);
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
        assertThat(health.get("details").get("nextYearCovered").asBoolean()).isFalse();
        assertThat(health.get("details").get("warning").asString()).contains("next year, 2027");
        Http.Response readiness = Http.local(port).get("/readyz");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void withThisYearAndTheNextCoveredThereIsNoWarning() {
        clock.set(Instant.parse("2025-06-01T02:00:00Z"));

        assertThat(calendarHealth().get("details").has("warning")).isFalse();
    }

    @Test
    void theStartLogsAWarningWhenAYearIsMissing(CapturedOutput output) {
        clock.set(Instant.parse("2050-06-01T02:00:00Z"));

        assertThat(calendar.warnIfIncomplete()).get().asString().contains("the years 2050 and 2051");
        assertThat(output.getOut()).containsPattern("WARN.*the holiday calendar does not cover the years 2050 and 2051");
        assertThat(Http.local(port).get("/readyz").json().get("status").asString()).isEqualTo("UP");
    }
}
