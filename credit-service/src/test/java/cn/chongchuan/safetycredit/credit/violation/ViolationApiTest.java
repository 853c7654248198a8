package cn.chongchuan.safetycredit.credit.violation;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.UUID;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.CODES;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class ViolationApiTest {

    static final String AJJ = TestTokens.bearer("AJJ", "ENFORCEMENT", "PARTNER");
    static final String ZJJ = TestTokens.bearer("ZJJ", "ENFORCEMENT", "PARTNER");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Http http;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
    }

    private Http.Response record(String json, String... extraHeaders) {
        String[] headers = new String[2 + extraHeaders.length];
        headers[0] = "Authorization";
        headers[1] = AJJ;
        System.arraycopy(extraHeaders, 0, headers, 2, extraHeaders.length);
        return http.postJson("/api/v1/violations", json, headers);
    }

    private static JsonNode firstError(Http.Response response) {
        return response.json().get("errors").get(0);
    }

    @Test
    void aWrongCheckCharacterIsRejectedNamingTheExpectedOne() {
        String code = CODES.uscc("320602");
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        Http.Response response = record(aViolation().unit(code.substring(0, 17) + wrong, "某公司").json());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/invalid-code");
        assertThat(firstError(response).get("field").asString()).isEqualTo("unit.uscc");
        assertThat(response.json().get("expectedCheckCharacter").asString()).isEqualTo(String.valueOf(code.charAt(17)));
    }

    @Test
    void aWrongPersonalIdIsRejectedWithoutEchoingTheNumber() {
        String id = ViolationFixture.aResidentId();
        String broken = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        Http.Response response = record(aViolation().withoutPersons().withPrincipal("李四", broken).json());

        assertThat(response.status()).isEqualTo(400);
        assertThat(firstError(response).get("field").asString()).isEqualTo("persons[0].idNumber");
        assertThat(response.body()).doesNotContain(broken.substring(0, 17));
    }

    @Test
    void anUnknownCriterionIsRejected() {
        Http.Response response = record(aViolation().criterion("OM11-99").json());

        assertThat(response.status()).isEqualTo(400);
        assertThat(firstError(response).get("field").asString()).isEqualTo("criterionCode");
    }

    @Test
    void aDecisionDateInTheFutureIsRejected() {
        Http.Response response = record(aViolation().decidedOn(LocalDate.now().plusDays(3)).json());

        assertThat(response.status()).isEqualTo(400);
        assertThat(firstError(response).get("field").asString()).isEqualTo("decisionDate");
    }

    @Test
    void aCriterionThatListsThePrincipalNeedsOne() {
        Http.Response response = record(aViolation().withoutPersons().json());

        assertThat(response.status()).isEqualTo(400);
        assertThat(firstError(response).get("field").asString()).isEqualTo("persons");
    }

    @Test
    void aDuplicateCaseNumberOfTheSameDepartmentIsAConflict() {
        String caseNumber = "崇应急罚〔2026〕DUP-" + UUID.randomUUID();
        assertThat(record(aViolation().caseNumber(caseNumber).json()).status()).isEqualTo(201);

        Http.Response again = record(aViolation().caseNumber(caseNumber).json());

        assertThat(again.status()).isEqualTo(409);
        assertThat(firstError(again).get("field").asString()).isEqualTo("caseNumber");
        Http.Response otherDepartment = http.postJson("/api/v1/violations", aViolation().caseNumber(caseNumber).json(),
                "Authorization", ZJJ);
        assertThat(otherDepartment.status()).isEqualTo(201);
    }

    @Test
    void malformedBodiesAndMissingFieldsAreNamed() {
        assertThat(record("{\"caseNumber\":").json().get("errors").get(0).get("field").asString()).isEqualTo("body");
        Http.Response missing = record("{\"caseNumber\":\"X-1\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsString("field"))
                .contains("decisionNumber", "decisionDate", "criterionCode", "description", "fineAmount", "unit");
        Http.Response negativeFine = record(aViolation().json().replace("\"fineAmount\":500000.00", "\"fineAmount\":-1"));
        assertThat(firstError(negativeFine).get("field").asString()).isEqualTo("fineAmount");
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyReturnsTheOriginalAndCreatesNothing() {
        String body = aViolation().json();
        String key = "retry-" + UUID.randomUUID();
        Http.Response first = record(body, "Idempotency-Key", key);
        int violations = jdbc.queryForObject("SELECT COUNT(*) FROM violation", Integer.class);
        int listings = jdbc.queryForObject("SELECT COUNT(*) FROM listing", Integer.class);

        Http.Response retry = record(body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM violation", Integer.class)).isEqualTo(violations);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM listing", Integer.class)).isEqualTo(listings);
    }

    @Test
    void anIdempotencyKeyReusedWithAnotherRequestIsRefused() {
        String key = "reuse-" + UUID.randomUUID();
        record(aViolation().json(), "Idempotency-Key", key);

        Http.Response other = record(aViolation().json(), "Idempotency-Key", key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(firstError(other).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Test
    void twoLargerAccidentsWithinTwelveMonthsProposeAListingButOneDoesNot() {
        String code = CODES.uscc("320602");
        Http.Response first = record(aViolation().criterion("OM11-02").unit(code, "南通较大事故公司")
                .decidedOn(LocalDate.now().minusMonths(11)).json());
        assertThat(first.json().get("listings")).isEmpty();
        assertThat(first.json().get("evaluation").get("criterionMet").asBoolean()).isFalse();

        Http.Response second = record(aViolation().criterion("OM11-02").unit(code, "南通较大事故公司")
                .decidedOn(LocalDate.now().minusDays(1)).json());

        assertThat(second.json().get("evaluation").get("violationsInWindow").asInt()).isEqualTo(2);
        assertThat(second.json().get("listings").findValuesAsString("subjectType")).containsExactly("UNIT", "PERSON");
    }

    @Test
    void accidentsMoreThanTwelveMonthsApartDoNotCount() {
        String code = CODES.uscc("320602");
        record(aViolation().criterion("OM11-02").unit(code, "南通间隔公司").decidedOn(LocalDate.now().minusMonths(14)).json());

        Http.Response second = record(aViolation().criterion("OM11-02").unit(code, "南通间隔公司")
                .decidedOn(LocalDate.now().minusDays(1)).json());

        assertThat(second.json().get("listings")).isEmpty();
    }

    @Test
    void aCorrectionIsANewVersionAndTheOldOneStaysReadable() {
        JsonNode created = record(aViolation().json()).json();
        long id = created.get("id").asLong();

        Http.Response corrected = http.postJson("/api/v1/violations/" + id + "/corrections", """
                {"decisionNumber":"崇应急罚决〔2026〕更正1号","decisionDate":"%s","description":"更正后的事实",
                 "fineAmount":800000,"reason":"罚款金额笔误"}""".formatted(LocalDate.now().minusDays(2)),
                "Authorization", AJJ);

        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        JsonNode versions = corrected.json().get("versions");
        assertThat(corrected.json().get("currentVersion").asInt()).isEqualTo(2);
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("fineAmount").decimalValue()).isEqualByComparingTo("500000");
        assertThat(versions.get(1).get("correctionReason").asString()).isEqualTo("罚款金额笔误");
        assertThat(http.postJson("/api/v1/violations/" + id + "/corrections", "{}", "Authorization", ZJJ).status())
                .isEqualTo(400);
    }

    @Test
    void onlyEnforcementRecordsAndOnlyTheOwnerOrAdminReads() {
        long id = record(aViolation().json()).json().get("id").asLong();

        assertThat(http.postJson("/api/v1/violations", aViolation().json(), "Authorization",
                TestTokens.bearer("XZSPJ", "APPROVAL")).status()).isEqualTo(403);
        assertThat(http.postJson("/api/v1/violations", aViolation().json(), "Authorization",
                TestTokens.bearer("CZJ", "PARTNER")).status()).isEqualTo(403);
        assertThat(http.postJson("/api/v1/violations", aViolation().json()).status()).isEqualTo(401);
        // Another department's case answers exactly as a missing one (the one ownership rule).
        assertThat(http.get("/api/v1/violations/" + id, "Authorization", ZJJ).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/violations/" + id, "Authorization", TestTokens.bearer("AWB", "ADMIN")).status())
                .isEqualTo(200);
    }

    @Test
    void personalIdNumbersAreStoredOnlyHashedAndEncrypted() {
        var fixture = aViolation();
        record(fixture.json());
        String id = fixture.principalId();

        Integer plain = jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE id_hash = ? OR id_cipher = ? OR id_masked = ?",
                Integer.class, id, id, id);
        // (not "the newest person": a violation may hold several persons, written in any order)
        Integer masked = jdbc.queryForObject("SELECT COUNT(*) FROM person WHERE id_masked = ? AND id_hash IS NOT NULL "
                + "AND id_cipher IS NOT NULL", Integer.class, id.substring(0, 6) + "********" + id.substring(14));

        assertThat(plain).isZero();
        assertThat(masked).isPositive();
    }
}
