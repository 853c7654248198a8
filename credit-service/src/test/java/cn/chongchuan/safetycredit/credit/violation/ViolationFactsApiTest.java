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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.CODES;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, point 4: a violation records its accident (date, grade) and fine multiple; the facts
 * decide the criterion; situation 2 counts accident dates within 12 months of each other, whichever
 * case is recorded first, and never proposes the same accidents twice.
 */
@ServiceTest
class ViolationFactsApiTest {

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

    private Http.Response record(ViolationFixture fixture) {
        return record(fixture, AJJ);
    }

    private Http.Response record(ViolationFixture fixture, String token) {
        return http.postJson("/api/v1/violations", fixture.json(), "Authorization", token);
    }

    private static List<String> fieldsAtFault(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/validation");
        return response.json().get("errors").findValuesAsString("field");
    }

    private static LocalDate daysAgo(int days) {
        return LocalDate.now().minusDays(days);
    }

    private static LocalDate monthsAgo(int months) {
        return LocalDate.now().minusMonths(months);
    }

    private static ViolationFixture larger(String uscc, LocalDate accident, LocalDate decided) {
        return aViolation().criterion("OM11-02").unit(uscc, "南通较大事故测试公司").accident(accident, "LARGER").decidedOn(decided);
    }

    // --- the facts and their validation ----------------------------------------------------------

    @Test
    void anAccidentRelatedCriterionWithoutTheAccidentIsRefusedNamingDateAndGrade() {
        for (String criterion : new String[] {"OM11-01", "OM11-02", "OM11-03", "OM11-04", "OM11-05"}) {
            Http.Response response = record(aViolation().criterion(criterion).withOther("李四", ViolationFixture.aResidentId())
                    .withoutFacts());

            assertThat(fieldsAtFault(response)).as(criterion).contains("accidentDate", "accidentGrade", "criterionCode");
        }
    }

    @Test
    void aCriterionWithoutAnAccidentNeedsNoFacts() {
        Http.Response response = record(aViolation().criterion("OM11-06").withoutFacts());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("listings").findValuesAsString("subjectType")).containsExactly("UNIT", "PERSON");
        assertThat(response.json().get("facts").get("accidentGrade").isNull()).isTrue();
    }

    @Test
    void aGradeWithoutADateIsRefused() {
        String body = aViolation().json().replaceFirst("\"accidentDate\":\"[0-9-]+\"", "\"accidentDate\":null");

        Http.Response response = http.postJson("/api/v1/violations", body, "Authorization", AJJ);

        assertThat(fieldsAtFault(response)).containsExactly("accidentDate");
    }

    @Test
    void anAccidentDateInTheFutureOrAfterTheDecisionIsRefused() {
        assertThat(fieldsAtFault(record(aViolation().accident(LocalDate.now().plusDays(2), "GENERAL", "2", true))))
                .containsExactly("accidentDate");
        Http.Response afterDecision = record(aViolation().decidedOn(daysAgo(20)).accident(daysAgo(5), "GENERAL", "2", true));
        assertThat(fieldsAtFault(afterDecision)).containsExactly("accidentDate");
        assertThat(afterDecision.json().get("errors").get(0).get("reason").asString()).contains("after the decision date");
    }

    @Test
    void aFineMultipleOfZeroOrLessOrAboveFiveIsRefused() {
        for (String multiple : new String[] {"0", "-2", "5.5"}) {
            assertThat(fieldsAtFault(record(aViolation().accident(daysAgo(40), "GENERAL", multiple, true))))
                    .as(multiple).containsExactly("fineMultiple");
        }
        assertThat(fieldsAtFault(record(aViolation().accident(daysAgo(40), "GENERAL", "2.125", true))))
                .as("two decimals at most").containsExactly("fineMultiple");
    }

    @Test
    void anUnknownGradeIsRefusedNamingIt() {
        String body = aViolation().json().replace("\"accidentGrade\":\"GENERAL\"", "\"accidentGrade\":\"HUGE\"");

        assertThat(fieldsAtFault(http.postJson("/api/v1/violations", body, "Authorization", AJJ))).contains("accidentGrade");
    }

    @Test
    void situationOneNeedsAMajorAccident() {
        Http.Response larger = record(aViolation().criterion("OM11-01").accident(daysAgo(40), "LARGER"));
        Http.Response major = record(aViolation().criterion("OM11-01").accident(daysAgo(40), "MAJOR"));

        assertThat(fieldsAtFault(larger)).containsExactly("accidentGrade", "criterionCode");
        assertThat(major.status()).as(major.body()).isEqualTo(201);
    }

    @Test
    void situationThreeNeedsTwoToFiveTimesAndTheFindingThatAllowsIt() {
        assertThat(fieldsAtFault(record(aViolation().accident(daysAgo(40), "GENERAL", "1", false))))
                .containsExactly("fineMultiple", "criterionCode");
        assertThat(fieldsAtFault(record(aViolation().accident(daysAgo(40), "GENERAL", "3", false))))
                .containsExactly("especiallySerious");
        Http.Response met = record(aViolation().accident(daysAgo(40), "LARGER", "2.5", true));
        assertThat(met.status()).as(met.body()).isEqualTo(201);
        assertThat(met.json().get("evaluation").get("reason").asString()).contains("情节特别严重、影响特别恶劣", "2.5倍");
    }

    @Test
    void articleSevenIsRefusedWhenAnAccidentIsRecorded() {
        Http.Response response = record(aViolation().criterion("OM11-06").accident(daysAgo(40), "GENERAL"));

        assertThat(fieldsAtFault(response)).containsExactly("accidentGrade", "criterionCode");
    }

    @Test
    void theFactsAreKeptAndShownWithTheViolation() {
        LocalDate accident = daysAgo(45);
        JsonNode recorded = record(aViolation().accident(accident, "LARGER", "2.50", true)).json();

        JsonNode facts = http.get("/api/v1/violations/" + recorded.get("id").asLong(), "Authorization", AJJ).json().get("facts");

        assertThat(facts.get("accidentDate").asString()).isEqualTo(accident.toString());
        assertThat(facts.get("accidentGrade").asString()).isEqualTo("LARGER");
        assertThat(facts.get("accidentGradeLabel").asString()).isEqualTo("较大");
        assertThat(facts.get("fineMultiple").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(facts.get("especiallySerious").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT accident_grade FROM violation WHERE id = ?", String.class,
                recorded.get("id").asLong())).isEqualTo("LARGER");
    }

    // --- situation 2: accident dates, either order, never twice ----------------------------------

    @Test
    void anEarlierAccidentRecordedAfterALaterOneCompletesSituationTwo() {
        String uscc = CODES.uscc("320602");
        // The later accident's case is recorded first; the earlier accident's case, decided earlier,
        // is entered afterwards. Counting decision dates backwards from it found nothing.
        Http.Response later = record(larger(uscc, monthsAgo(3), daysAgo(10)));
        Http.Response earlier = record(larger(uscc, monthsAgo(9), monthsAgo(8)));

        assertThat(later.json().get("listings")).isEmpty();
        assertThat(earlier.status()).as(earlier.body()).isEqualTo(201);
        assertThat(earlier.json().get("listings").findValuesAsString("subjectType")).containsExactly("UNIT", "PERSON");
        assertThat(earlier.json().get("evaluation").get("violationsInWindow").asInt()).isEqualTo(2);
        assertThat(later.json().get("evaluation").get("outcome").asString()).isEqualTo("COUNTING");
        assertThat(earlier.json().get("evaluation").get("accidentsInWindow").toString())
                .contains(monthsAgo(9).toString(), monthsAgo(3).toString());
    }

    @Test
    void accidentsWithinTwelveMonthsCountHoweverFarApartTheirDecisionsAre() {
        String uscc = CODES.uscc("320602");
        record(larger(uscc, monthsAgo(14), monthsAgo(14)));

        // The investigation of the second took long: decided yesterday, 14 months after the first decision.
        Http.Response second = record(larger(uscc, monthsAgo(3), daysAgo(1)));

        assertThat(second.json().get("listings").findValuesAsString("subjectType")).containsExactly("UNIT", "PERSON");
    }

    @Test
    void accidentsMoreThanTwelveMonthsApartDoNotCountHoweverCloseTheirDecisionsAre() {
        String uscc = CODES.uscc("320602");
        record(larger(uscc, monthsAgo(16), daysAgo(20)));

        Http.Response second = record(larger(uscc, monthsAgo(2), daysAgo(10)));

        assertThat(second.json().get("listings")).isEmpty();
        assertThat(second.json().get("evaluation").get("violationsInWindow").asInt()).isEqualTo(1);
    }

    @Test
    void aLargerAccidentRecordedUnderAnotherCriterionCounts() {
        String uscc = CODES.uscc("320602");
        record(aViolation().criterion("OM11-04").unit(uscc, "南通瞒报较大事故公司").accident(monthsAgo(5), "LARGER")
                .decidedOn(monthsAgo(4)));

        Http.Response second = record(larger(uscc, monthsAgo(1), daysAgo(3)));

        assertThat(second.json().get("evaluation").get("criterionMet").asBoolean()).isTrue();
        assertThat(second.json().get("listings").findValuesAsString("subjectType")).containsExactly("UNIT", "PERSON");
    }

    @Test
    void anotherCaseOfAnAccidentAlreadyCountedProposesNothingAgain() {
        String uscc = CODES.uscc("320602");
        LocalDate first = monthsAgo(7);
        record(larger(uscc, first, monthsAgo(6)));
        JsonNode proposing = record(larger(uscc, monthsAgo(2), daysAgo(15))).json();
        int listings = jdbc.queryForObject("SELECT COUNT(*) FROM listing l JOIN unit u ON u.id = l.unit_id WHERE u.uscc = ?",
                Integer.class, uscc);

        // 住建局's own case of the first accident comes in later.
        Http.Response sameAccident = record(larger(uscc, first, daysAgo(2)), ZJJ);

        assertThat(proposing.get("listings")).isNotEmpty();
        assertThat(sameAccident.status()).as(sameAccident.body()).isEqualTo(201);
        assertThat(sameAccident.json().get("listings")).isEmpty();
        assertThat(sameAccident.json().get("evaluation").get("criterionMet").asBoolean()).isTrue();
        assertThat(sameAccident.json().get("evaluation").get("alreadyCounted").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM listing l JOIN unit u ON u.id = l.unit_id WHERE u.uscc = ?",
                Integer.class, uscc)).isEqualTo(listings);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM accident_count WHERE violation_id = ?", Integer.class,
                proposing.get("id").asLong())).isEqualTo(2);
    }

    @Test
    void twoDepartmentsRecordingTheTwoAccidentsAtOnceProposeExactlyOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String uscc = CODES.uscc("320602");
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Http.Response>> answers = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return record(larger(uscc, monthsAgo(4), monthsAgo(3)), AJJ);
                }));
                answers.add(pool.submit(() -> {
                    start.await();
                    return record(larger(uscc, monthsAgo(2), daysAgo(5)), ZJJ);
                }));
                start.countDown();
                int withListings = 0;
                for (Future<Http.Response> answer : answers) {
                    Http.Response response = answer.get();
                    assertThat(response.status()).as(response.body()).isEqualTo(201);
                    withListings += response.json().get("listings").isEmpty() ? 0 : 1;
                }
                assertThat(withListings).as("round " + round).isEqualTo(1);
            }
        }
    }

    // --- the criteria proposed from the facts ----------------------------------------------------

    private JsonNode suggest(String body, String token) {
        Http.Response response = http.postJson("/api/v1/criteria/suggestions", body, "Authorization", token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aMajorAccidentSuggestsSituationOneFirst() {
        JsonNode suggestions = suggest("{\"accidentDate\":\"" + daysAgo(30) + "\",\"accidentGrade\":\"MAJOR\"}", AJJ);

        assertThat(suggestions.get(0).get("criterionCode").asString()).isEqualTo("OM11-01");
        assertThat(suggestions.get(0).get("outcome").asString()).isEqualTo("MET");
        assertThat(suggestions.get(0).get("legalBasis").asString()).contains("第六条第（一）项");
        assertThat(suggestions.get(0).get("decidingDepartment").asString()).isEqualTo("AJJ");
        assertThat(suggestions.findValuesAsString("criterionCode")).doesNotContain("OM11-08", "OM11-09");
    }

    @Test
    void anAggravatedFineSuggestsSituationThree() {
        JsonNode suggestions = suggest("{\"accidentDate\":\"" + daysAgo(30) + "\",\"accidentGrade\":\"GENERAL\","
                + "\"fineMultiple\":3,\"especiallySerious\":true}", AJJ);

        assertThat(suggestions.get(0).get("criterionCode").asString()).isEqualTo("OM11-03");
        assertThat(suggestions.get(0).get("outcome").asString()).isEqualTo("MET");
        assertThat(suggestions.get(1).get("outcome").asString()).isEqualTo("FINDING_REQUIRED");
    }

    @Test
    void aLargerAccidentOfAUnitWithAnotherWithinTwelveMonthsSuggestsSituationTwo() {
        String uscc = CODES.uscc("320602");
        record(larger(uscc, monthsAgo(3), monthsAgo(2)));

        JsonNode withUnit = suggest("{\"uscc\":\"" + uscc + "\",\"accidentDate\":\"" + monthsAgo(8)
                + "\",\"accidentGrade\":\"LARGER\"}", ZJJ);
        JsonNode withoutUnit = suggest("{\"accidentDate\":\"" + monthsAgo(8) + "\",\"accidentGrade\":\"LARGER\"}", ZJJ);

        JsonNode two = withUnit.get(0);
        assertThat(two.get("criterionCode").asString()).isEqualTo("OM11-02");
        assertThat(two.get("outcome").asString()).isEqualTo("MET");
        assertThat(two.get("countedAccidents").asInt()).isEqualTo(2);
        assertThat(two.get("decidingDepartment").asString()).as("住建局's case goes to 应急管理局").isEqualTo("AJJ");
        assertThat(withoutUnit.findValues("outcome").stream().map(JsonNode::asString)).doesNotContain("MET");
    }

    @Test
    void withoutAnAccidentOnlyArticleSevenIsSuggested() {
        JsonNode suggestions = suggest("{}", AJJ);

        assertThat(suggestions.get(0).get("criterionCode").asString()).isEqualTo("OM11-06");
        assertThat(suggestions.get(0).get("outcome").asString()).isEqualTo("FINDING_REQUIRED");
        assertThat(suggestions.get(1).get("criterionCode").asString()).isEqualTo("OM11-07");
        assertThat(suggestions.get(2).get("outcome").asString()).isEqualTo("EXCLUDED");
        assertThat(suggestions.get(2).get("fields").toString()).contains("accidentGrade");
    }

    @Test
    void contradictoryFactsAreRefusedAndOnlyEnforcementAndTheCreditOfficeAsk() {
        Http.Response noDate = http.postJson("/api/v1/criteria/suggestions", "{\"accidentGrade\":\"LARGER\"}",
                "Authorization", AJJ);
        Http.Response badCode = http.postJson("/api/v1/criteria/suggestions", "{\"uscc\":\"NOT-A-CODE\","
                + "\"accidentDate\":\"" + daysAgo(3) + "\",\"accidentGrade\":\"LARGER\"}", "Authorization", AJJ);

        assertThat(fieldsAtFault(noDate)).containsExactly("accidentDate");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().get("errors").get(0).get("field").asString()).isEqualTo("uscc");
        assertThat(http.postJson("/api/v1/criteria/suggestions", "{}", "Authorization",
                TestTokens.bearer("XZSPJ", "APPROVAL")).status()).isEqualTo(403);
        assertThat(http.postJson("/api/v1/criteria/suggestions", "{}", "Authorization",
                TestTokens.bearer("AWB", "ADMIN")).status()).isEqualTo(200);
    }
}
