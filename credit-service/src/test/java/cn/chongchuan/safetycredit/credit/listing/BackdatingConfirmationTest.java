package cn.chongchuan.safetycredit.credit.listing;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.credit.support.Scenario;
import cn.chongchuan.safetycredit.platform.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static cn.chongchuan.safetycredit.credit.support.Scenario.ADMIN;
import static cn.chongchuan.safetycredit.credit.support.Scenario.AJJ;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, point 6: a notice or decision dated more than 30 days ago is taken only once the credit
 * office has confirmed that date for that listing and step, with a reason; the history records it.
 */
@ServiceTest
class BackdatingConfirmationTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    Http http;
    Scenario scenario;

    @BeforeEach
    void setUp() {
        clock.set(Instant.now());
        http = Http.local(port);
        scenario = new Scenario(http);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    private long aProposedListing() {
        return Scenario.unitListing(scenario.violation(aViolation().decidedOn(today().minusMonths(3))));
    }

    private Http.Response notice(long id, LocalDate day) {
        return http.postJson("/api/v1/listings/" + id + "/notice", "{\"noticeDate\":\"" + day + "\",\"servedOn\":\""
                + day + "\",\"serviceMethod\":\"POSTAL\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}",
                "Authorization", AJJ);
    }

    private Http.Response decision(long id, LocalDate day) {
        return http.postJson("/api/v1/listings/" + id + "/decision", "{\"decisionNumber\":\"崇应急失信〔2026〕补" + id
                + "号\",\"decisionDate\":\"" + day + "\",\"reason\":\"陈述申辩期满，决定列入\"}", "Authorization", AJJ);
    }

    private Http.Response confirm(long id, String step, LocalDate date, String token) {
        return http.postJson("/api/v1/listings/" + id + "/backdating-confirmations", "{\"step\":\"" + step
                + "\",\"date\":\"" + date + "\",\"reason\":\"纸质案卷补录，原件存档号 DA-2026-17\"}", "Authorization", token);
    }

    @Test
    void aNoticeDatedMoreThanThirtyDaysAgoWaitsForTheCreditOfficesConfirmationOfThatDate() {
        long id = aProposedListing();
        LocalDate old = today().minusDays(31);

        Http.Response refused = notice(id, old);

        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/backdating-unconfirmed");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("noticeDate");
        assertThat(refused.json().get("step").asString()).isEqualTo("NOTICE");
        assertThat(refused.json().get("confirmationDays").asInt()).isEqualTo(30);

        assertThat(confirm(id, "NOTICE", old, AJJ).status()).as("the enforcement department cannot confirm itself")
                .isEqualTo(403);
        assertThat(confirm(id, "NOTICE", old.minusDays(1), ADMIN).status()).isEqualTo(201);
        assertThat(notice(id, old).status()).as("a confirmation of another date does not help").isEqualTo(409);

        Http.Response confirmed = confirm(id, "NOTICE", old, ADMIN);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        Http.Response again = confirm(id, "NOTICE", old, ADMIN);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(confirmed.json().get("id").asLong());
        assertThat(again.json().get("confirmedByDepartment").asString()).isEqualTo("AWB");

        Http.Response notified = notice(id, old);
        assertThat(notified.status()).as(notified.body()).isEqualTo(200);
        JsonNode history = http.get("/api/v1/listings/" + id, "Authorization", ADMIN).json().get("history");
        assertThat(history.toString()).contains("BACKDATING_CONFIRMED", "纸质案卷补录，原件存档号 DA-2026-17",
                "已经信用办确认（确认记录 " + confirmed.json().get("id").asLong() + "）");
        JsonNode listed = http.get("/api/v1/listings/" + id + "/backdating-confirmations", "Authorization", AJJ).json();
        assertThat(listed).hasSize(2);
    }

    @Test
    void thirtyDaysAgoNeedsNoConfirmationAndNeitherCanItHaveOne() {
        long id = aProposedListing();
        LocalDate limit = today().minusDays(30);

        Http.Response pointless = confirm(id, "NOTICE", limit, ADMIN);
        assertThat(pointless.status()).isEqualTo(400);
        assertThat(pointless.json().get("errors").get(0).get("field").asString()).isEqualTo("date");

        assertThat(notice(id, limit).status()).isEqualTo(200);
    }

    @Test
    void aBackdatedDecisionNeedsItsOwnConfirmation() {
        long id = aProposedListing();
        LocalDate noticeDay = today().minusDays(60);
        assertThat(confirm(id, "NOTICE", noticeDay, ADMIN).status()).isEqualTo(201);
        assertThat(notice(id, noticeDay).status()).isEqualTo(200);
        LocalDate decisionDay = today().minusDays(40);

        Http.Response refused = decision(id, decisionDay);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("decisionDate");

        assertThat(confirm(id, "DECISION", decisionDay, ADMIN).status()).isEqualTo(201);
        Http.Response decided = decision(id, decisionDay);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().get("listedFrom").asString()).isEqualTo(decisionDay.toString());
        assertThat(confirm(id, "NOTICE", noticeDay.minusDays(1), ADMIN).status())
                .as("a step already taken cannot be dated again").isEqualTo(409);
    }

    @Test
    void aConfirmationNamesAStepADateInThePastAndAReason() {
        long id = aProposedListing();
        String path = "/api/v1/listings/" + id + "/backdating-confirmations";

        Http.Response future = confirm(id, "NOTICE", today().plusDays(1), ADMIN);
        Http.Response noReason = http.postJson(path, "{\"step\":\"NOTICE\",\"date\":\"" + today().minusDays(90) + "\"}",
                "Authorization", ADMIN);
        Http.Response badStep = http.postJson(path, "{\"step\":\"REPAIR\",\"date\":\"" + today().minusDays(90)
                + "\",\"reason\":\"补录\"}", "Authorization", ADMIN);

        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("errors").get(0).get("field").asString()).isEqualTo("date");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"reason\"");
        assertThat(badStep.status()).isEqualTo(400);
        assertThat(badStep.body()).contains("\"field\":\"step\"");
        assertThat(confirm(999_999_999L, "NOTICE", today().minusDays(90), ADMIN).status()).isEqualTo(404);
    }
}
