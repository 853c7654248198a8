package cn.chongchuan.safetycredit.credit.listing;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.credit.support.Scenario;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static cn.chongchuan.safetycredit.credit.support.Scenario.ADMIN;
import static cn.chongchuan.safetycredit.credit.support.Scenario.AJJ;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, point 4: listings under 应急管理部令第11号 are decided only by the departments the Order
 * gives the power to (seeds/criteria.yaml: 区应急管理局). Another department may record the violation;
 * its listings go to the competent department, and the recording department sees them but may not
 * decide them.
 */
@ServiceTest
class CompetentDepartmentApiTest {

    static final String ZJJ = TestTokens.bearer("ZJJ", "ENFORCEMENT", "PARTNER");
    static final String XFDD = TestTokens.bearer("XFDD", "ENFORCEMENT", "PARTNER");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    Http http;

    @BeforeEach
    void setUp() {
        clock.set(Instant.now());
        http = Http.local(port);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    private Http.Response record(ViolationFixture fixture, String token) {
        return http.postJson("/api/v1/violations", fixture.json(), "Authorization", token);
    }

    private Http.Response notice(long listing, String token) {
        return http.postJson("/api/v1/listings/" + listing + "/notice", "{\"noticeDate\":\"" + today() + "\",\"servedOn\":\""
                + today() + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}",
                "Authorization", token);
    }

    private Http.Response drop(long listing, String token) {
        return http.postJson("/api/v1/listings/" + listing + "/drop", "{\"reason\":\"不予列入\"}", "Authorization", token);
    }

    @Test
    void aViolationAnotherDepartmentRecordsGoesToTheCompetentDepartment() {
        Http.Response recorded = record(aViolation(), ZJJ);

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        JsonNode violation = recorded.json();
        assertThat(violation.get("department").asString()).isEqualTo("ZJJ");
        assertThat(violation.get("listings").findValuesAsString("department")).containsOnly("AJJ");
        long listing = Scenario.unitListing(violation);
        JsonNode view = http.get("/api/v1/listings/" + listing, "Authorization", AJJ).json();
        assertThat(view.get("department").asString()).isEqualTo("AJJ");
        assertThat(view.get("history").get(0).get("reason").asString()).contains("区住建局录入", "区应急管理局决定");
        // The deciding department reads the case it decides on (facts, decision, fine).
        Http.Response theCase = http.get("/api/v1/violations/" + violation.get("id").asLong(), "Authorization", AJJ);
        assertThat(theCase.status()).as(theCase.body()).isEqualTo(200);
        assertThat(notice(listing, AJJ).status()).isEqualTo(200);
    }

    @Test
    void theRecordingDepartmentSeesTheListingItReferredButMayNotDecideIt() {
        JsonNode violation = record(aViolation(), ZJJ).json();
        long listing = Scenario.unitListing(violation);

        Http.Response read = http.get("/api/v1/listings/" + listing, "Authorization", ZJJ);
        Http.Response notified = notice(listing, ZJJ);
        Http.Response dropped = drop(listing, ZJJ);

        assertThat(read.status()).isEqualTo(200);
        assertThat(notified.status()).as(notified.body()).isEqualTo(403);
        assertThat(notified.json().get("type").asString()).isEqualTo("/problems/not-competent-department");
        assertThat(notified.json().get("decidingDepartment").asString()).isEqualTo("AJJ");
        assertThat(notified.json().get("competentDepartments").get(0).asString()).isEqualTo("AJJ");
        assertThat(dropped.status()).isEqualTo(403);
        JsonNode unit = http.get("/api/v1/subjects/units/" + violation.get("unit").get("uscc").asString(),
                "Authorization", ZJJ).json();
        assertThat(unit.get("listings").findValuesAsString("id")).contains(String.valueOf(listing));
    }

    @Test
    void aDepartmentWithNoPartInTheCaseStillSeesNothing() {
        long listing = Scenario.unitListing(record(aViolation(), ZJJ).json());

        Http.Response foreign = notice(listing, XFDD);

        assertThat(http.get("/api/v1/listings/" + listing, "Authorization", XFDD).status()).isEqualTo(404);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("type").asString()).isEqualTo("/problems/not-found");
    }

    @Test
    void theCreditOfficeSeesButDoesNotDecide() {
        long listing = Scenario.unitListing(record(aViolation(), ZJJ).json());

        assertThat(http.get("/api/v1/listings/" + listing, "Authorization", ADMIN).status()).isEqualTo(200);
        assertThat(notice(listing, ADMIN).status()).isEqualTo(403);
    }

    @Test
    void onlyACompetentDepartmentMayBeNamedToDecide() {
        Http.Response toItself = record(aViolation().decidingDepartment("ZJJ"), ZJJ);
        Http.Response awayFromTheImposingDepartment = record(aViolation().decidingDepartment("XFDD"), AJJ);
        Http.Response toTheCompetentOne = record(aViolation().decidingDepartment("AJJ"), ZJJ);

        assertThat(toItself.status()).isEqualTo(400);
        assertThat(toItself.json().get("errors").get(0).get("field").asString()).isEqualTo("decidingDepartment");
        assertThat(awayFromTheImposingDepartment.status()).isEqualTo(400);
        assertThat(awayFromTheImposingDepartment.json().get("errors").get(0).get("reason").asString()).contains("谁处罚、谁决定");
        assertThat(toTheCompetentOne.status()).as(toTheCompetentOne.body()).isEqualTo(201);
        assertThat(toTheCompetentOne.json().get("listings").findValuesAsString("department")).containsOnly("AJJ");
    }

    @Test
    void aHolderTheCatalogueNoLongerNamesCompetentMayDropButNotDecide() {
        // As a listing proposed before V10 stands: held by the department that recorded it.
        long listing = Scenario.unitListing(record(aViolation(), AJJ).json());
        jdbc.update("UPDATE listing SET department_code = 'ZJJ' WHERE id = ?", listing);

        Http.Response notified = notice(listing, ZJJ);
        Http.Response dropped = drop(listing, ZJJ);

        assertThat(notified.status()).isEqualTo(403);
        assertThat(notified.json().get("type").asString()).isEqualTo("/problems/not-competent-department");
        assertThat(dropped.status()).as(dropped.body()).isEqualTo(200);
    }
}
