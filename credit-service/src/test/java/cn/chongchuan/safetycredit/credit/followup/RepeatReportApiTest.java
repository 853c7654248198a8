package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.platform.testing.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;

import static cn.chongchuan.safetycredit.credit.followup.FollowUpScenario.admin;
import static cn.chongchuan.safetycredit.credit.followup.FollowUpScenario.ajj;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.CODES;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repeat report on a prepared data set in two areas of their own (so the other tests' cases
 * never count): 2025-01 … 2025-06, a 12-month window.
 *
 * <pre>
 * area A, OM11-03: 2024-12-15 (before the period), 2025-01-10, 2025-01-20, 2025-04-05 → Jan 2, Apr 1; 3 cases, 3 repeats
 * area A, OM11-04: 2025-02-01                                                          → Feb 1; 1 case, no repeat
 * area B, OM11-03: 2025-03-03, 2025-06-30, 2025-07-15 (after the period)               → Mar 1, Jun 1; 2 cases, 1 repeat
 * </pre>
 */
@ServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepeatReportApiTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    Http http;
    String areaA;
    String areaB;
    String areaC;

    @BeforeAll
    void prepareTheDataSet() {
        clock.set(Instant.now());
        http = Http.local(port);
        FollowUpScenario scenario = new FollowUpScenario(http);
        int base = 1000 + new Random().nextInt(2900) * 3;
        areaA = "32" + base;
        areaB = "32" + (base + 1);
        areaC = "32" + (base + 2);
        record Case(String area, String criterion, String date) {
        }
        for (Case c : new Case[] {
                new Case(areaA, "OM11-03", "2024-12-15"), new Case(areaA, "OM11-03", "2025-01-10"),
                new Case(areaA, "OM11-03", "2025-01-20"), new Case(areaA, "OM11-03", "2025-04-05"),
                new Case(areaA, "OM11-04", "2025-02-01"),
                new Case(areaB, "OM11-03", "2025-03-03"), new Case(areaB, "OM11-03", "2025-06-30"),
                new Case(areaB, "OM11-03", "2025-07-15")}) {
            scenario.violation(aViolation().criterion(c.criterion()).decidedOn(LocalDate.parse(c.date()))
                    .unit(CODES.uscc(c.area()), "重复检测测试企业" + c.date() + c.criterion()));
        }
    }

    @BeforeEach
    void setUp() {
        clock.set(Instant.now());
    }

    private JsonNode row(JsonNode report, String area, String criterion) {
        for (JsonNode row : report.get("rows")) {
            if (row.get("areaCode").asString().equals(area) && row.get("criterionCode").asString().equals(criterion)) {
                return row;
            }
        }
        return null;
    }

    @Test
    void theReportCountsCasesPerAreaCriterionAndMonthAndFlagsRepeatsWithinTwelveMonths() {
        Http.Response response = http.get("/api/v1/follow-ups/repeat-report?from=2025-01&to=2025-06", "Authorization", ajj());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("months").valueStream().map(JsonNode::asString))
                .containsExactly("2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06");
        assertThat(report.get("windowMonths").asInt()).isEqualTo(12);

        JsonNode a03 = row(report, areaA, "OM11-03");
        assertThat(a03.get("counts").properties()).extracting(e -> e.getKey() + "=" + e.getValue().asInt())
                .containsExactly("2025-01=2", "2025-02=0", "2025-03=0", "2025-04=1", "2025-05=0", "2025-06=0");
        assertThat(a03.get("total").asInt()).isEqualTo(3);
        assertThat(a03.get("repeats").asInt()).isEqualTo(3);
        assertThat(a03.get("flagged").asBoolean()).isTrue();
        assertThat(a03.get("criterionTitle").asString()).isNotBlank();

        JsonNode a04 = row(report, areaA, "OM11-04");
        assertThat(a04.get("counts").get("2025-02").asInt()).isEqualTo(1);
        assertThat(a04.get("total").asInt()).isEqualTo(1);
        assertThat(a04.get("flagged").asBoolean()).isFalse();

        JsonNode b03 = row(report, areaB, "OM11-03");
        assertThat(b03.get("counts").get("2025-03").asInt()).isEqualTo(1);
        assertThat(b03.get("counts").get("2025-06").asInt()).isEqualTo(1);
        assertThat(b03.get("total").asInt()).isEqualTo(2);
        assertThat(b03.get("repeats").asInt()).isEqualTo(1);
        assertThat(b03.get("flagged").asBoolean()).isTrue();
        assertThat(row(report, areaB, "OM11-04")).isNull();
    }

    @Test
    void theReportFiltersByAreaAndCriterionForTheCreditOffice() {
        JsonNode report = http.get("/api/v1/follow-ups/repeat-report?from=2025-01&to=2025-06&area=" + areaA
                + "&criterion=OM11-04", "Authorization", admin()).json();

        assertThat(report.get("rows")).hasSize(1);
        assertThat(row(report, areaA, "OM11-04").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void theReportDownloadsAsCsvWithAColumnPerMonth() {
        String query = "from=2025-01&to=2025-06&area=" + areaA;
        Http.Response csv = http.get("/api/v1/follow-ups/repeat-report.csv?" + query, "Authorization", ajj());
        Http.Response format = http.get("/api/v1/follow-ups/repeat-report?format=csv&" + query, "Authorization", ajj());

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(format.body()).isEqualTo(csv.body());
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFF区划代码,情形代码,情形,2025-01,2025-02,2025-03,2025-04,2025-05,2025-06,合计,重复,标记");
        assertThat(lines[1]).startsWith("\"" + areaA + "\",\"OM11-03\",\"").endsWith(",2,0,0,1,0,0,3,3,重复");
        assertThat(lines[2]).startsWith("\"" + areaA + "\",\"OM11-04\",\"").endsWith(",0,1,0,0,0,0,1,0,");
        assertThat(lines).hasSize(3);
    }

    @Test
    void theCasePageFlagsARepeatOfTheSameViolationInTheArea() {
        FollowUpScenario scenario = new FollowUpScenario(http);
        long first = FollowUpScenario.id(scenario.violation(aViolation().decidedOn(LocalDate.parse("2025-01-01"))
                .unit(CODES.uscc(areaC), "重复检测测试企业甲")));
        long repeat = FollowUpScenario.id(scenario.violation(aViolation().decidedOn(LocalDate.parse("2025-05-01"))
                .unit(CODES.uscc(areaC), "重复检测测试企业乙")));

        JsonNode flag = scenario.casePage(repeat, ajj()).json().get("repeat");

        assertThat(flag.get("flagged").asBoolean()).isTrue();
        assertThat(flag.get("earlierInWindow").asInt()).isEqualTo(1);
        assertThat(scenario.casePage(first, ajj()).json().get("repeat").get("flagged").asBoolean()).isFalse();
    }

    @Test
    void aBadPeriodOrAreaIsAProblemNamingTheParameter() {
        assertThat(http.get("/api/v1/follow-ups/repeat-report?from=2025-06&to=2025-01", "Authorization", ajj()).status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/follow-ups/repeat-report?from=2020-01&to=2025-01", "Authorization", ajj()).status())
                .isEqualTo(400);
        Http.Response area = http.get("/api/v1/follow-ups/repeat-report?area=ABCDEF", "Authorization", ajj());
        assertThat(area.status()).isEqualTo(400);
        assertThat(area.json().get("errors").get(0).get("field").asString()).isEqualTo("area");
        assertThat(http.get("/api/v1/follow-ups/repeat-report?from=2025-13", "Authorization", ajj()).status()).isEqualTo(400);
    }
}
