package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.support.AmbiguousCode;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class CheckApiTest {

    static final ZoneId DISTRICT = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    Http http;
    CheckScenario scenario;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
        scenario = new CheckScenario(http);
        clock.set(Instant.now());
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(DISTRICT));
    }

    Http.Response check(String code) {
        return http.get("/api/v1/checks/" + code, "Authorization", CheckScenario.xzspj());
    }

    Http.Response single(String body) {
        return http.postJson("/api/v1/checks/single", body, "Authorization", CheckScenario.xzspj());
    }

    Http.Response batch(String body) {
        return http.postJson("/api/v1/checks", body, "Authorization", CheckScenario.xzspj());
    }

    @Test
    void aUnitNeverListedIsClearAndTheClearAnswerIsCached() {
        String uscc = ViolationFixture.CODES.uscc("320602");

        Http.Response first = check(uscc);
        Http.Response second = check(uscc);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("CLEAR");
        assertThat(first.json().get("source").asString()).isEqualTo("database");
        assertThat(first.json().has("basis")).isFalse();
        assertThat(second.json().get("status").asString()).isEqualTo("CLEAR");
        assertThat(second.json().get("source").asString()).isEqualTo("cache");
        assertThat(second.json().get("receipt").get("id").asString())
                .isNotEqualTo(first.json().get("receipt").get("id").asString());
    }

    @Test
    void aProposedListingIsInformationalWithoutMeasures() {
        ViolationFixture fixture = aViolation();
        scenario.violation(fixture);

        JsonNode answer = check(fixture.uscc()).json();

        assertThat(answer.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(answer.get("basis").get("state").asString()).isEqualTo("PROPOSED");
        assertThat(answer.get("basis").get("criterionCode").asString()).isEqualTo("OM11-03");
        assertThat(answer.get("basis").has("decisionNumber")).isFalse();
        assertThat(answer.has("measures")).isFalse();
    }

    @Test
    void aListedUnitComesWithTheBasisAndTheMeasuresOfTheAskingDepartment() {
        ViolationFixture fixture = aViolation();
        long listing = CheckScenario.unitListing(scenario.violation(fixture));
        scenario.list(listing, today());

        JsonNode answer = check(fixture.uscc()).json();

        assertThat(answer.get("status").asString()).isEqualTo("LISTED");
        JsonNode basis = answer.get("basis");
        assertThat(basis.get("listingId").asLong()).isEqualTo(listing);
        assertThat(basis.get("criterionCode").asString()).isEqualTo("OM11-03");
        assertThat(basis.get("criterionTitle").asString()).isNotBlank();
        assertThat(basis.get("decisionNumber").asString()).isEqualTo("崇应急失信〔2026〕" + listing + "号");
        assertThat(basis.get("decidingDepartment").asString()).isEqualTo("AJJ");
        assertThat(basis.get("listedFrom").asString()).isEqualTo(today().toString());
        assertThat(basis.get("listedUntil").asString()).isEqualTo(today().plusYears(3).toString());
        assertThat(answer.get("measures").findValuesAsString("code")).containsExactly("M-XZSPJ-01", "M-XZSPJ-02");

        JsonNode asZjj = http.get("/api/v1/checks/" + fixture.uscc(), "Authorization",
                CheckScenario.approval("ZJJ")).json();
        assertThat(asZjj.get("measures").findValuesAsString("code")).containsExactly("M-ZJJ-01", "M-ZJJ-02", "M-ZJJ-03");
    }

    @Test
    void staleClearIsNeverServedAfterListing() {
        ViolationFixture fixture = aViolation();
        long listing = CheckScenario.unitListing(scenario.violation(fixture));
        assertThat(check(fixture.uscc()).json().get("status").asString()).isEqualTo("PROPOSED");
        assertThat(check(fixture.uscc()).json().get("source").asString()).isEqualTo("cache");

        scenario.list(listing, today());

        JsonNode after = check(fixture.uscc()).json();
        assertThat(after.get("status").asString()).isEqualTo("LISTED");
        assertThat(after.get("source").asString()).as("updated after commit, not evicted").isEqualTo("cache");

        Http.Response revoked = http.postJson("/api/v1/listings/" + listing + "/revocation", "{\"reason\":\"错误列入\"}",
                "Authorization", CheckScenario.admin());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(check(fixture.uscc()).json().get("status").asString()).isEqualTo("CLEAR");
    }

    @Test
    void aListingThatRanItsThreeYearsIsClearWithoutAnyCacheWrite() {
        ViolationFixture fixture = aViolation();
        long listing = CheckScenario.unitListing(scenario.violation(fixture));
        scenario.list(listing, today());
        assertThat(check(fixture.uscc()).json().get("status").asString()).isEqualTo("LISTED");

        clock.advance(Duration.ofDays(3 * 366));

        JsonNode later = check(fixture.uscc()).json();
        assertThat(later.get("source").asString()).isEqualTo("cache");
        assertThat(later.get("status").asString()).isEqualTo("CLEAR");
    }

    @Test
    void aPersonIsCheckedByIdNumberInTheBodyAndTheNumberIsNeverEchoed() {
        ViolationFixture fixture = aViolation();
        long personListing = CheckScenario.personListing(scenario.violation(fixture));
        scenario.list(personListing, today());

        Http.Response response = batch("{\"codes\":[\"" + fixture.principalId() + "\"]}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json().get("results").get(0);
        assertThat(answer.get("subjectType").asString()).isEqualTo("PERSON");
        assertThat(answer.get("status").asString()).isEqualTo("LISTED");
        assertThat(answer.get("code").asString()).isEqualTo(fixture.principalId().substring(0, 6) + "********"
                + fixture.principalId().substring(14));
        assertThat(answer.get("measures").findValuesAsString("code")).containsExactly("M-XZSPJ-02");
        assertThat(response.body()).doesNotContain(fixture.principalId());
    }

    @Test
    void aPersonIsCheckedWithTheCodeInAPostBodyAndAGetWithTheIdNumberIsRefused() {
        ViolationFixture fixture = aViolation();
        long personListing = CheckScenario.personListing(scenario.violation(fixture));
        scenario.list(personListing, today());

        Http.Response posted = single("{\"code\":\"" + fixture.principalId() + "\"}");
        Http.Response got = check(fixture.principalId());

        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        assertThat(posted.json().get("subjectType").asString()).isEqualTo("PERSON");
        assertThat(posted.json().get("status").asString()).isEqualTo("LISTED");
        assertThat(posted.json().get("measures").findValuesAsString("code")).containsExactly("M-XZSPJ-02");
        assertThat(posted.json().get("receipt").get("signedText").asString()).contains("subjectCode:"
                + fixture.principalId().substring(0, 6) + "********" + fixture.principalId().substring(14));
        assertThat(posted.body()).doesNotContain(fixture.principalId());
        assertThat(got.status()).isEqualTo(400);
        assertThat(got.contentType()).startsWith("application/problem+json");
        assertThat(got.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
        assertThat(got.json().get("errors").get(0).get("reason").asString()).contains("POST /api/v1/checks/single");
        assertThat(got.body()).doesNotContain(fixture.principalId());
        assertThat(http.get("/api/v1/checks/" + fixture.uscc() + "?subjectType=PERSON", "Authorization", CheckScenario.xzspj())
                .status()).as("whatever the code, a person is never checked by GET").isEqualTo(400);
    }

    @Test
    void aUnitAnswersTheSameByPostAsByGetAndACodeValidAsBothIsAUnitCodeForTheGetOnlyWhenSaidSo() {
        ViolationFixture fixture = aViolation();
        scenario.list(CheckScenario.unitListing(scenario.violation(fixture)), today());
        String both = AmbiguousCode.validAsBoth();

        JsonNode got = check(fixture.uscc()).json();
        JsonNode posted = single("{\"code\":\"" + fixture.uscc() + "\",\"asOf\":null}").json();

        assertThat(posted.get("status").asString()).isEqualTo(got.get("status").asString()).isEqualTo("LISTED");
        assertThat(posted.get("basis")).isEqualTo(got.get("basis"));
        assertThat(posted.get("measures")).isEqualTo(got.get("measures"));
        assertThat(check(both + "?subjectType=UNIT").status()).isEqualTo(200);
        assertThat(check(both).status()).as("read as a person without subjectType").isEqualTo(400);
        JsonNode bothClear = single("{\"code\":\"" + both + "\"}").json();
        assertThat(bothClear.get("status").asString()).isEqualTo("CLEAR");
        assertThat(bothClear.get("lookedUpAs").toString()).isEqualTo("[\"UNIT\",\"PERSON\"]");
        assertThat(bothClear.has("subjectType")).as("neither reading is on the register").isFalse();
        assertThat(single("{}").json().get("errors").get(0).get("field").asString()).isEqualTo("code");
        assertThat(single("{\"code\":\"" + fixture.uscc() + "\",\"asOf\":\"" + Instant.now().plusSeconds(3600) + "\"}")
                .json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
    }

    @Test
    void aBatchAnswersValidInvalidAndDuplicateCodesInInputOrder() {
        ViolationFixture listed = aViolation();
        long listing = CheckScenario.unitListing(scenario.violation(listed));
        scenario.list(listing, today());
        String clear = ViolationFixture.CODES.uscc("320602");
        String badCheck = clear.substring(0, 17) + (clear.charAt(17) == '0' ? '1' : '0');

        Http.Response response = batch("{\"codes\":[\"" + clear + "\",\"" + badCheck + "\",\"" + listed.uscc() + "\",\""
                + clear.toLowerCase() + "\",\"short\"]}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode results = response.json().get("results");
        assertThat(response.json().get("requested").asInt()).isEqualTo(5);
        assertThat(results).hasSize(4);
        assertThat(results.get(0).get("code").asString()).isEqualTo(clear);
        assertThat(results.get(0).get("status").asString()).isEqualTo("CLEAR");
        assertThat(results.get(0).get("positions").toString()).isEqualTo("[0,3]");
        assertThat(results.get(1).get("positions").toString()).isEqualTo("[1]");
        assertThat(results.get(1).get("error").get("kind").asString()).isEqualTo("invalid-code");
        assertThat(results.get(1).get("error").get("field").asString()).isEqualTo("codes[1]");
        assertThat(results.get(1).get("error").get("message").asString()).contains("check character");
        assertThat(results.get(2).get("status").asString()).isEqualTo("LISTED");
        assertThat(results.get(3).get("error").get("field").asString()).isEqualTo("codes[4]");
    }

    @Test
    void aBatchOfMoreThanAThousandCodesIsRefusedNamingTheField() {
        StringBuilder body = new StringBuilder("{\"codes\":[");
        for (int i = 0; i < 1001; i++) {
            body.append(i == 0 ? "" : ",").append("\"91320602MA1N2X3Y4Q\"");
        }
        Http.Response response = batch(body.append("]}").toString());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("codes");
        assertThat(batch("{\"codes\":[]}").json().get("errors").get(0).get("field").asString()).isEqualTo("codes");
    }

    @Test
    void anInvalidSingleCodeIsAProblemNamingTheFieldAndTheCharacter() {
        String uscc = ViolationFixture.CODES.uscc("320602");
        String bad = uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0');

        Http.Response response = check(bad);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
        assertThat(response.json().get("expectedCheckCharacter").asString()).isEqualTo(String.valueOf(uscc.charAt(17)));
        assertThat(http.get("/api/v1/checks/" + uscc + "?asOf=yesterday", "Authorization", CheckScenario.xzspj())
                .json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
        assertThat(http.get("/api/v1/checks/" + uscc + "?asOf=" + Instant.now().plusSeconds(3600), "Authorization", CheckScenario.xzspj())
                .json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
        assertThat(batch("{\"codes\":[\"" + uscc + "\"],\"subjectType\":\"ROBOT\"}")
                .json().get("errors").get(0).get("field").asString()).isEqualTo("subjectType");
    }

    @Test
    void onlyApprovalDepartmentsAndTheCreditOfficeMayCheck() {
        String uscc = ViolationFixture.CODES.uscc("320602");

        assertThat(http.get("/api/v1/checks/" + uscc).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/checks/" + uscc, "Authorization", CheckScenario.ajj()).status()).isEqualTo(403);
        assertThat(http.postJson("/api/v1/checks", "{\"codes\":[\"" + uscc + "\"]}", "Authorization",
                TestTokens.bearer("FGW", "PARTNER")).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/checks/" + uscc, "Authorization", CheckScenario.admin()).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/checks/audit", "Authorization", CheckScenario.xzspj()).status()).isEqualTo(403);
        assertThat(http.postJson("/api/v1/checks/audit/search", "{}", "Authorization", CheckScenario.xzspj()).status())
                .isEqualTo(403);
    }

    @Test
    void asOfAnswersAsTheRegisterStoodAtThatInstant() {
        ViolationFixture fixture = aViolation();
        Instant beforeProposal = clock.instant().minusSeconds(1);
        long listing = CheckScenario.unitListing(scenario.violation(fixture));
        clock.advance(Duration.ofHours(2));
        Instant whileProposed = clock.instant().minusSeconds(3600);
        scenario.list(listing, today());
        clock.advance(Duration.ofHours(2));
        Instant whileListed = clock.instant().minusSeconds(3600);
        http.postJson("/api/v1/listings/" + listing + "/revocation", "{\"reason\":\"错误列入\"}", "Authorization", CheckScenario.admin());
        clock.advance(Duration.ofHours(1));
        Instant afterRevocation = clock.instant();

        assertThat(statusAsOf(fixture.uscc(), beforeProposal)).isEqualTo("CLEAR");
        assertThat(statusAsOf(fixture.uscc(), whileProposed)).isEqualTo("PROPOSED");
        JsonNode listed = http.get("/api/v1/checks/" + fixture.uscc() + "?asOf=" + whileListed, "Authorization", CheckScenario.xzspj()).json();
        assertThat(listed.get("status").asString()).isEqualTo("LISTED");
        assertThat(listed.get("source").asString()).isEqualTo("history");
        assertThat(listed.get("asOf").asString()).isEqualTo(whileListed.toString());
        assertThat(listed.get("receipt").get("signedText").asString()).contains("asOf:" + whileListed.toString().substring(0, 19));
        assertThat(statusAsOf(fixture.uscc(), afterRevocation)).isEqualTo("CLEAR");
        assertThat(check(fixture.uscc()).json().get("status").asString()).isEqualTo("CLEAR");
    }

    @Test
    void anAnswerForAnInstantBeforeTheRegisterBeganSaysWhenItBeganInTheSignedTextToo() {
        ViolationFixture fixture = aViolation();
        scenario.list(CheckScenario.unitListing(scenario.violation(fixture)), today());
        clock.advance(Duration.ofMinutes(1));
        Instant covered = clock.instant().minusSeconds(30);

        JsonNode before = single("{\"code\":\"" + fixture.uscc() + "\",\"asOf\":\"1900-01-01T00:00:00Z\"}").json();
        JsonNode after = single("{\"code\":\"" + fixture.uscc() + "\",\"asOf\":\"" + covered + "\"}").json();

        assertThat(before.get("status").asString()).isEqualTo("CLEAR");
        Instant since = Instant.parse(before.get("registerSince").asString());
        assertThat(since).isAfter(Instant.parse("1900-01-01T00:00:00Z")).isBefore(covered);
        assertThat(before.get("receipt").get("signedText").asString()).contains("\nregisterSince:"
                + since.toString().substring(0, 19));
        assertThat(after.get("status").asString()).isEqualTo("LISTED");
        assertThat(after.has("registerSince")).as("the register covers this instant").isFalse();
        assertThat(after.get("receipt").get("signedText").asString()).contains("\nregisterSince:\n");
        assertThat(single("{\"code\":\"" + fixture.uscc() + "\"}").json().has("registerSince")).isFalse();
    }

    private String statusAsOf(String code, Instant asOf) {
        Http.Response response = batch("{\"codes\":[\"" + code + "\"],\"asOf\":\"" + asOf + "\"}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("results").get(0).get("status").asString();
    }
}
