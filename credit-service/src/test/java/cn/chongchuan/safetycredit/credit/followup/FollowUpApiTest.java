package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static cn.chongchuan.safetycredit.credit.followup.FollowUpScenario.admin;
import static cn.chongchuan.safetycredit.credit.followup.FollowUpScenario.ajj;
import static cn.chongchuan.safetycredit.credit.followup.FollowUpScenario.approval;
import static cn.chongchuan.safetycredit.credit.followup.FollowUpScenario.id;
import static cn.chongchuan.safetycredit.credit.followup.FollowUpScenario.xfdd;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class FollowUpApiTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    Http http;
    FollowUpScenario scenario;

    @BeforeEach
    void setUp() {
        clock.set(Instant.now());
        http = Http.local(port);
        scenario = new FollowUpScenario(http);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(SHANGHAI));
    }

    @Test
    void recordingACaseOpensItsPlanWithVisitsAtOneThreeAndSixMonthsAndKeySupervisionForAYear() {
        LocalDate decided = today().minusDays(10);
        long id = id(scenario.violation(aViolation().decidedOn(decided)));

        Http.Response page = scenario.casePage(id, ajj());

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        JsonNode plan = page.json();
        assertThat(plan.get("caseDate").asString()).isEqualTo(decided.toString());
        assertThat(plan.get("visits").findValuesAsString("dueOn")).containsExactly(decided.plusMonths(1).toString(),
                decided.plusMonths(3).toString(), decided.plusMonths(6).toString());
        assertThat(plan.get("visits").findValuesAsString("overdue")).containsOnly("false");
        assertThat(plan.get("keySupervision").get("until").asString()).isEqualTo(decided.plusYears(1).toString());
        assertThat(plan.get("keySupervision").get("active").asBoolean()).isTrue();
        assertThat(plan.get("commitment").isNull()).isTrue();
        assertThat(plan.get("typical").get("typical").asBoolean()).isFalse();
        JsonNode opened = plan.get("history").get(0);
        assertThat(opened.get("kind").asString()).isEqualTo("PLAN_OPENED");
        assertThat(opened.get("actorDepartment").asString()).isEqualTo("AJJ");
        assertThat(opened.get("actorRole").asString()).isEqualTo("ENFORCEMENT");
        assertThat(page.body()).doesNotContainPattern("3206021975031\\d{4}");
    }

    @Test
    void aChecklistReminderNamesItemsOfTheCatalogueOnly() {
        long id = id(scenario.violation(aViolation()));
        String path = "/api/v1/violations/" + id + "/follow-up/checklist-reminders";

        Http.Response unknown = http.postJson(path, "{\"sentOn\":\"" + today() + "\",\"channel\":\"POST\",\"items\":[\"CL-01\",\"CL-99\"]}",
                "Authorization", ajj());
        Http.Response beforeCase = http.postJson(path, "{\"sentOn\":\"" + today().minusDays(30) + "\",\"channel\":\"POST\",\"items\":[\"CL-01\"]}",
                "Authorization", ajj());
        Http.Response sent = http.postJson(path, "{\"sentOn\":\"" + today() + "\",\"channel\":\"IN_PERSON\",\"items\":[\"CL-05\",\"CL-06\"],\"note\":\"当场签收\"}",
                "Authorization", ajj());

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("items[1]");
        assertThat(beforeCase.status()).isEqualTo(400);
        assertThat(beforeCase.json().get("errors").get(0).get("field").asString()).isEqualTo("sentOn");
        assertThat(sent.status()).as(sent.body()).isEqualTo(200);
        JsonNode reminder = sent.json().get("checklistReminders").get(0);
        assertThat(reminder.get("channel").asString()).isEqualTo("IN_PERSON");
        assertThat(reminder.get("items").findValuesAsString("title")).containsExactly("隐患排查治理", "整改落实");
        assertThat(sent.json().get("history").findValuesAsString("kind")).containsExactly("PLAN_OPENED", "CHECKLIST_SENT");
        assertThat(http.get("/api/v1/follow-ups/checklist-items", "Authorization", ajj()).json().findValuesAsString("code"))
                .startsWith("CL-01", "CL-02").contains("CL-09");
    }

    @Test
    void theCommitmentIsRecordedOnceAndOnlyForTheUnitOfTheCase() {
        ViolationFixture fixture = aViolation();
        long id = id(scenario.violation(fixture));
        String otherUnit = ViolationFixture.CODES.uscc("320602");

        Http.Response foreign = scenario.commit(id, otherUnit, today(), ajj());
        Http.Response beforeCase = scenario.commit(id, fixture.uscc(), today().minusDays(30), ajj());
        Http.Response recorded = scenario.commit(id, fixture.uscc(), today(), ajj());
        Http.Response again = scenario.commit(id, fixture.uscc(), today(), ajj());

        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().get("errors").get(0).get("field").asString()).isEqualTo("uscc");
        assertThat(beforeCase.status()).isEqualTo(400);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.json().get("commitment").get("signedOn").asString()).isEqualTo(today().toString());
        assertThat(recorded.json().get("commitment").get("recordedBy").asString()).isEqualTo("AJJ");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("/problems/commitment-recorded");
    }

    @Test
    void aVisitIsRecordedOnceWithItsOutcomeAndNeverBeforeItsCase() {
        long id = id(scenario.violation(aViolation().decidedOn(today().minusDays(5))));

        Http.Response beforeCase = scenario.visit(id, 1, today().minusDays(6), "RECTIFIED", ajj());
        Http.Response inFuture = scenario.visit(id, 1, today().plusDays(1), "RECTIFIED", ajj());
        Http.Response noSuchVisit = scenario.visit(id, 9, today(), "RECTIFIED", ajj());
        Http.Response badOutcome = scenario.visit(id, 1, today(), "FINE", ajj());
        Http.Response recorded = scenario.visit(id, 1, today(), "NOT_RECTIFIED", ajj());
        Http.Response again = scenario.visit(id, 1, today(), "RECTIFIED", ajj());

        assertThat(beforeCase.status()).isEqualTo(400);
        assertThat(beforeCase.json().get("errors").get(0).get("field").asString()).isEqualTo("visitedOn");
        assertThat(inFuture.status()).isEqualTo(400);
        assertThat(noSuchVisit.status()).isEqualTo(404);
        assertThat(badOutcome.status()).isEqualTo(400);
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        JsonNode first = recorded.json().get("visits").get(0);
        assertThat(first.get("visitedOn").asString()).isEqualTo(today().toString());
        assertThat(first.get("outcome").asString()).isEqualTo("NOT_RECTIFIED");
        assertThat(again.status()).isEqualTo(409);
        assertThat(recorded.json().get("history").findValuesAsString("kind")).contains("VISIT_RECORDED");
    }

    @Test
    void overdueVisitsAreListedForTheCaseDepartmentOnceTheClockPassesTheirDueDay() {
        LocalDate decided = today().minusDays(10);
        long id = id(scenario.violation(aViolation().decidedOn(decided)));
        assertThat(overdue(ajj(), "")).noneMatch(v -> v.get("violationId").asLong() == id);

        clock.advance(Duration.ofDays(45));
        LocalDate later = today();

        JsonNode mine = overdue(ajj(), "").stream().filter(v -> v.get("violationId").asLong() == id).findFirst().orElseThrow();
        assertThat(mine.get("visit").asInt()).isEqualTo(1);
        assertThat(mine.get("dueOn").asString()).isEqualTo(decided.plusMonths(1).toString());
        assertThat(mine.get("daysOverdue").asLong()).isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(decided.plusMonths(1), later));
        assertThat(overdue(xfdd(), "")).noneMatch(v -> v.get("violationId").asLong() == id);
        assertThat(overdue(admin(), "&department=AJJ")).anyMatch(v -> v.get("violationId").asLong() == id);
        assertThat(http.get("/api/v1/follow-ups/overdue-visits?department=AJJ", "Authorization", xfdd()).status()).isEqualTo(404);
        assertThat(scenario.casePage(id, ajj()).json().get("visits").get(0).get("overdue").asBoolean()).isTrue();

        assertThat(scenario.visit(id, 1, later, "RECTIFIED", ajj()).status()).isEqualTo(200);
        assertThat(overdue(ajj(), "")).noneMatch(v -> v.get("violationId").asLong() == id);
    }

    private java.util.List<JsonNode> overdue(String token, String query) {
        java.util.List<JsonNode> all = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            Http.Response response = http.get("/api/v1/follow-ups/overdue-visits?size=500&page=" + page + query,
                    "Authorization", token);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            response.json().forEach(all::add);
            if (response.json().size() < 500) {
                return all;
            }
        }
    }

    @Test
    void theCreditOfficeMarksTypicalCasesWhichThePublicSeesWithPersonsMasked() {
        ViolationFixture fixture = aViolation();
        long id = id(scenario.violation(fixture));
        String path = "/api/v1/violations/" + id + "/follow-up/typical";
        String warning = "{\"warning\":\"未落实安全生产主体责任导致事故，警示同类企业\"}";

        assertThat(http.postJson(path, warning, "Authorization", ajj()).status()).isEqualTo(403);
        Http.Response marked = http.postJson(path, warning, "Authorization", admin());
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.json().get("typical").get("typical").asBoolean()).isTrue();

        Http.Response published = http.getPublic("/api/v1/public/typical-cases");
        assertThat(published.status()).isEqualTo(200);
        JsonNode item = published.json().get("items").get(0);
        assertThat(item.get("violationId").asLong()).isEqualTo(id);
        assertThat(item.get("warning").asString()).startsWith("未落实安全生产主体责任");
        assertThat(item.get("uscc").asString()).isEqualTo(fixture.uscc());
        assertThat(item.get("persons").get(0).get("name").asString()).isEqualTo("张*");
        assertThat(item.get("persons").get(0).get("maskedIdNumber").asString()).contains("****");
        assertThat(published.body()).doesNotContain(fixture.principalId()).doesNotContain("张三");

        Http.Response removed = http.postJson(path + "/removal", "{\"reason\":\"警示期满\"}", "Authorization", admin());
        assertThat(removed.status()).isEqualTo(200);
        assertThat(http.getPublic("/api/v1/public/typical-cases").json().get("items").findValuesAsString("violationId"))
                .doesNotContain(String.valueOf(id));
        JsonNode history = removed.json().get("history");
        assertThat(history.findValuesAsString("kind")).containsSubsequence("MARKED_TYPICAL", "UNMARKED_TYPICAL");
        assertThat(history.get(1).get("actorRole").asString()).isEqualTo("ADMIN");
        assertThat(history.get(1).get("actorDepartment").asString()).isEqualTo("AWB");
    }

    @Test
    void theCheckShowsKeySupervisionAsInformationWithoutChangingTheStatusOrTheReceipt() {
        ViolationFixture fixture = aViolation().decidedOn(today().minusDays(3));
        JsonNode violation = scenario.violation(fixture);
        long listing = FollowUpScenario.unitListing(violation);
        assertThat(http.postJson("/api/v1/listings/" + listing + "/drop", "{\"reason\":\"不予列入\"}",
                "Authorization", ajj()).status()).isEqualTo(200);

        JsonNode first = check(fixture.uscc());
        JsonNode cached = check(fixture.uscc());

        for (JsonNode answer : java.util.List.of(first, cached)) {
            assertThat(answer.get("status").asString()).isEqualTo("CLEAR");
            assertThat(answer.get("keySupervision").get("until").asString())
                    .isEqualTo(today().minusDays(3).plusYears(1).toString());
            assertThat(answer.get("keySupervision").get("department").asString()).isEqualTo("AJJ");
            assertThat(answer.get("receipt").get("signedText").asString()).doesNotContain("重点监管").doesNotContain("keySupervision");
        }
        assertThat(cached.get("source").asString()).isEqualTo("cache");
        assertThat(http.get("/api/v1/follow-ups/key-supervision?size=500", "Authorization", ajj()).json()
                .findValuesAsString("uscc")).contains(fixture.uscc());
        assertThat(check(ViolationFixture.CODES.uscc("320602")).has("keySupervision")).isFalse();

        clock.advance(Duration.ofDays(400));
        JsonNode afterwards = check(fixture.uscc());
        assertThat(afterwards.get("status").asString()).isEqualTo("CLEAR");
        assertThat(afterwards.has("keySupervision")).isFalse();
    }

    private JsonNode check(String code) {
        Http.Response response = http.get("/api/v1/checks/" + code, "Authorization", approval());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void creditRepairIsRefusedUntilTheUnitsCommitmentIsRecorded() {
        ViolationFixture fixture = aViolation();
        JsonNode violation = scenario.violation(fixture);
        long listing = FollowUpScenario.unitListing(violation);
        scenario.list(listing, today());
        clock.advance(Duration.ofDays(366));
        String apply = """
                {"conditions":{"penaltyFulfilled":true,"rectified":true,"creditCommitment":true,"trainingCompleted":true}}""";

        Http.Response refused = http.postJson("/api/v1/listings/" + listing + "/repairs", apply, "Authorization", ajj());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/commitment-missing");
        assertThat(refused.json().get("detail").asString()).contains("commitment");

        assertThat(scenario.commit(id(violation), fixture.uscc(), today(), ajj()).status()).isEqualTo(200);
        Http.Response applied = http.postJson("/api/v1/listings/" + listing + "/repairs", apply, "Authorization", ajj());
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
    }

    @Test
    void enforcementActsOnItsOwnCasesOnlyAndTheCreditOfficeOnAll() {
        ViolationFixture fixture = aViolation();
        long id = id(scenario.violation(fixture));

        assertThat(scenario.casePage(id, ajj()).status()).isEqualTo(200);
        // Another department's case answers exactly as a missing one (the one ownership rule).
        assertThat(scenario.casePage(id, xfdd()).status()).isEqualTo(404);
        assertThat(scenario.casePage(id, approval()).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/violations/" + id + "/follow-up").status()).isEqualTo(401);
        assertThat(scenario.commit(id, fixture.uscc(), today(), xfdd()).status()).isEqualTo(404);
        assertThat(scenario.visit(id, 1, today(), "RECTIFIED", xfdd()).status()).isEqualTo(404);
        assertThat(scenario.casePage(999_999_999L, admin()).status()).isEqualTo(404);

        Http.Response byAdmin = scenario.visit(id, 1, today(), "RECTIFIED", admin());
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
        JsonNode last = byAdmin.json().get("history").get(byAdmin.json().get("history").size() - 1);
        assertThat(last.get("actorDepartment").asString()).isEqualTo("AWB");
        assertThat(last.get("actorRole").asString()).isEqualTo("ADMIN");
        assertThat(last.get("occurredAt").asString()).isNotBlank();

        assertThat(http.get("/api/v1/follow-ups/overdue-visits", "Authorization", approval()).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/follow-ups/repeat-report", "Authorization", approval()).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/follow-ups/repeat-report", "Authorization", ajj()).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/follow-ups/key-supervision", "Authorization", approval()).status()).isEqualTo(403);
    }
}
