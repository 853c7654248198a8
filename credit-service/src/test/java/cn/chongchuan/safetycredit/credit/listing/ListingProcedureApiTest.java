package cn.chongchuan.safetycredit.credit.listing;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.support.Scenario;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static cn.chongchuan.safetycredit.credit.support.Scenario.ADMIN;
import static cn.chongchuan.safetycredit.credit.support.Scenario.AJJ;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class ListingProcedureApiTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ListingService listings;

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

    private int outboxEvents(long listingId, String type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND payload LIKE ?",
                Integer.class, type, "%\"listingId\":" + listingId + ",%");
    }

    @Test
    void aDecisionInsideTheDefencePeriodIsRefusedUnlessTheRightWasWaived() {
        long id = Scenario.unitListing(scenario.violation(aViolation()));
        http.postJson("/api/v1/listings/" + id + "/notice", "{\"noticeDate\":\"" + today() + "\",\"servedOn\":\"" + today() + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}", "Authorization", AJJ);

        Http.Response early = scenario.decide(id, today(), false);

        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("type").asString()).isEqualTo("/problems/defence-period-running");
        Http.Response withoutWaiverField = http.postJson("/api/v1/listings/" + id + "/decision",
                "{\"decisionNumber\":\"崇应急失信〔2026〕9号\",\"decisionDate\":\"" + today() + "\"}", "Authorization", AJJ);
        assertThat(withoutWaiverField.status()).isEqualTo(409);
        clock.advance(Duration.ofDays(14));
        assertThat(scenario.decide(id, today(), false).status()).isEqualTo(200);
    }

    @Test
    void aWaivedDefencePeriodNeedsTheReferenceOfThePartysWrittenWaiverWhichTheHistoryKeeps() {
        long id = Scenario.unitListing(scenario.violation(aViolation()));
        http.postJson("/api/v1/listings/" + id + "/notice", "{\"noticeDate\":\"" + today() + "\",\"servedOn\":\"" + today() + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}", "Authorization", AJJ);
        String decision = "{\"decisionNumber\":\"崇应急失信〔2026〕" + id + "号\",\"decisionDate\":\"" + today()
                + "\",\"defenceWaived\":true";

        Http.Response withoutReference = http.postJson("/api/v1/listings/" + id + "/decision", decision + "}",
                "Authorization", AJJ);
        Http.Response blankReference = http.postJson("/api/v1/listings/" + id + "/decision",
                decision + ",\"waiverReference\":\"  \"}", "Authorization", AJJ);
        Http.Response withReference = http.postJson("/api/v1/listings/" + id + "/decision",
                decision + ",\"waiverReference\":\"放弃陈述申辩声明书（2026）第7号\"}", "Authorization", AJJ);

        assertThat(withoutReference.status()).isEqualTo(400);
        assertThat(withoutReference.json().get("errors").get(0).get("field").asString()).isEqualTo("waiverReference");
        assertThat(blankReference.status()).isEqualTo(400);
        assertThat(withReference.status()).as(withReference.body()).isEqualTo(200);
        JsonNode history = withReference.json().get("history");
        assertThat(history.get(history.size() - 1).get("reason").asString())
                .contains("当事人书面放弃陈述、申辩", "放弃陈述申辩声明书（2026）第7号");
    }

    @Test
    void aNoticeNeedsItsServiceReasonAndEvidenceAndTheDefencePeriodRunsFromTheDayOfService() {
        long id = Scenario.unitListing(scenario.violation(aViolation()));
        String path = "/api/v1/listings/" + id + "/notice";
        LocalDate dated = today().minusDays(20);
        LocalDate served = today().minusDays(10);

        Http.Response bare = http.postJson(path, "{\"noticeDate\":\"" + dated + "\"}", "Authorization", AJJ);
        Http.Response servedBeforeDated = http.postJson(path, "{\"noticeDate\":\"" + dated + "\",\"servedOn\":\""
                + dated.minusDays(1) + "\",\"serviceMethod\":\"POSTAL\",\"reason\":\"告知\",\"evidence\":[\"处罚决定书\"]}",
                "Authorization", AJJ);
        Http.Response unknownMethod = http.postJson(path, "{\"noticeDate\":\"" + dated + "\",\"servedOn\":\"" + served
                + "\",\"serviceMethod\":\"CARRIER_PIGEON\",\"reason\":\"告知\",\"evidence\":[\"处罚决定书\"]}",
                "Authorization", AJJ);
        Http.Response notified = http.postJson(path, "{\"noticeDate\":\"" + dated + "\",\"servedOn\":\"" + served
                + "\",\"serviceMethod\":\"POSTAL\",\"reason\":\"拟列入告知\",\"evidence\":[\"处罚决定书\",\"邮寄回执\"]}",
                "Authorization", AJJ);

        assertThat(bare.status()).isEqualTo(400);
        assertThat(bare.json().get("errors").findValuesAsString("field"))
                .contains("servedOn", "serviceMethod", "reason", "evidence");
        assertThat(servedBeforeDated.status()).isEqualTo(400);
        assertThat(servedBeforeDated.json().get("errors").get(0).get("field").asString()).isEqualTo("servedOn");
        assertThat(unknownMethod.status()).isEqualTo(400);
        assertThat(notified.status()).as(notified.body()).isEqualTo(200);
        JsonNode listing = notified.json();
        assertThat(listing.get("noticeDate").asString()).isEqualTo(dated.toString());
        assertThat(listing.get("servedOn").asString()).isEqualTo(served.toString());
        assertThat(listing.get("serviceMethod").asString()).isEqualTo("POSTAL");
        assertThat(LocalDate.parse(listing.get("defenceDeadline").asString()))
                .as("counted from the day of service").isAfter(served.plusDays(4));
        JsonNode last = listing.get("history").get(listing.get("history").size() - 1);
        assertThat(last.get("reason").asString()).contains("拟列入告知", "送达：" + served, "邮寄送达");
        assertThat(last.get("evidence").toString()).contains("邮寄回执");
    }

    @Test
    void theDefencePeriodSkipsTheNationalDayHolidayAndCountsItsWorkingSaturday() {
        // Served Tuesday 2025-09-30. 国办发明电〔2024〕12号: 10-01 to 10-08 off, Saturday 10-11 worked.
        // Five working days: Thu 9, Fri 10, Sat 11, Mon 13, Tue 14 October (not 10-07, as weekends alone gave).
        // Recorded at the time (a notice dated more than 30 days back would need the credit office).
        clock.set(Instant.parse("2025-09-30T04:00:00Z"));
        long id = Scenario.unitListing(scenario.violation(aViolation().decidedOn(LocalDate.of(2025, 9, 20))));

        Http.Response notified = http.postJson("/api/v1/listings/" + id + "/notice", """
                {"noticeDate":"2025-09-29","servedOn":"2025-09-30","serviceMethod":"DIRECT",
                 "reason":"拟列入严重失信主体名单告知","evidence":["行政处罚决定书","送达回证"]}""", "Authorization", AJJ);

        assertThat(notified.status()).as(notified.body()).isEqualTo(200);
        assertThat(notified.json().get("defenceDeadline").asString()).isEqualTo("2025-10-14");
        clock.set(Instant.parse("2025-10-15T04:00:00Z"));
        Http.Response inside = scenario.decide(id, LocalDate.of(2025, 10, 14), false);
        assertThat(inside.status()).as(inside.body()).isEqualTo(409);
        assertThat(inside.json().get("defenceDeadline").asString()).isEqualTo("2025-10-14");
        assertThat(scenario.decide(id, LocalDate.of(2025, 10, 15), false).status()).isEqualTo(200);
    }

    @Test
    void aDefencePeriodRunningIntoAYearTheCalendarLacksWaitsForThatYearAndIsRecountedWithIt() {
        // Served Monday 2031-12-29; neither 2031 nor 2032 is in the calendar yet: counted Monday to
        // Friday the period would end 2032-01-05, one day early, since 1 January is a holiday.
        clock.set(Instant.parse("2031-12-29T02:00:00Z"));
        long id = Scenario.unitListing(scenario.violation(aViolation().decidedOn(LocalDate.of(2031, 12, 20))));
        Http.Response notified = http.postJson("/api/v1/listings/" + id + "/notice", """
                {"noticeDate":"2031-12-29","servedOn":"2031-12-29","serviceMethod":"DIRECT",
                 "reason":"拟列入严重失信主体名单告知","evidence":["行政处罚决定书"]}""", "Authorization", AJJ);
        assertThat(notified.status()).as(notified.body()).isEqualTo(200);
        clock.set(Instant.parse("2032-01-20T02:00:00Z"));

        Http.Response uncounted = scenario.decide(id, LocalDate.of(2032, 1, 20), false);
        assertThat(uncounted.status()).as(uncounted.body()).isEqualTo(409);
        assertThat(uncounted.json().get("type").asString()).isEqualTo("/problems/calendar-year-missing");

        for (int year : List.of(2031, 2032)) {
            Http.Response added = http.postJson("/api/v1/calendar/years", """
                    {"year":%d,"source":"测试用安排","holidays":[{"name":"元旦","from":"%d-01-01","to":"%d-01-01"}]}"""
                    .formatted(year, year, year), "Authorization", ADMIN);
            assertThat(added.status()).as(added.body()).isIn(200, 201);
        }
        Http.Response inside = scenario.decide(id, LocalDate.of(2032, 1, 6), false);
        assertThat(inside.status()).as(inside.body()).isEqualTo(409);
        assertThat(inside.json().get("defenceDeadline").asString()).as("recounted with 元旦 off").isEqualTo("2032-01-06");
        assertThat(scenario.decide(id, LocalDate.of(2032, 1, 7), false).status()).isEqualTo(200);
    }

    @Test
    void onlyTheImposingDepartmentMayDecide() {
        long id = Scenario.unitListing(scenario.violation(aViolation()));

        Http.Response other = http.postJson("/api/v1/listings/" + id + "/notice", "{\"noticeDate\":\"" + today() + "\",\"servedOn\":\"" + today() + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}",
                "Authorization", TestTokens.bearer("ZJJ", "ENFORCEMENT"));
        Http.Response admin = http.postJson("/api/v1/listings/" + id + "/notice", "{\"noticeDate\":\"" + today() + "\",\"servedOn\":\"" + today() + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}",
                "Authorization", ADMIN);

        // Another department does not see the listing at all; the credit office sees it but may not decide.
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().get("type").asString()).isEqualTo("/problems/not-found");
        assertThat(admin.status()).isEqualTo(403);
    }

    @Test
    void anIllegalTransitionIsAConflictNamingStateAndAllowedActions() {
        long id = Scenario.unitListing(scenario.violation(aViolation()));

        Http.Response response = scenario.decide(id, today(), true);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("currentState").asString()).isEqualTo("PROPOSED");
        assertThat(response.json().get("allowedActions").values()).extracting(JsonNode::asString)
                .containsExactly("DROP", "NOTIFY", "REVOKE");
    }

    @Test
    void listingWritesAStartEventAndExpiryAfterThreeYearsAnEndEvent() {
        // Decided three years ago tomorrow (an old case entered from its paper file): its period
        // ends tomorrow, so two days on it is due, and no other test's listing is, or is touched.
        LocalDate decided = today().minusYears(3).plusDays(1);
        long id = Scenario.unitListing(scenario.violation(aViolation().decidedOn(decided.minusDays(30))));
        scenario.list(id, decided);
        assertThat(outboxEvents(id, "LISTING_STARTED")).isEqualTo(1);

        clock.advance(Duration.ofDays(2));
        JsonNode beforeJob = http.get("/api/v1/listings/" + id, "Authorization", AJJ).json();
        assertThat(beforeJob.get("state").asString()).isEqualTo("EXPIRED");
        assertThat(beforeJob.get("recordedState").asString()).isEqualTo("LISTED");

        for (int run = 0; run < 20 && !recordedState(id).equals("EXPIRED"); run++) {
            listings.expireDueListings(100);
        }
        assertThat(recordedState(id)).isEqualTo("EXPIRED");
        assertThat(outboxEvents(id, "LISTING_ENDED")).isEqualTo(1);
    }

    private String recordedState(long id) {
        return http.get("/api/v1/listings/" + id, "Authorization", AJJ).json().get("recordedState").asString();
    }

    @Test
    void creditRepairIsPossibleAfterTwelveMonthsAndCanBeRevokedForFalseMaterial() {
        JsonNode violation = scenario.violation(aViolation());
        long id = Scenario.unitListing(violation);
        scenario.list(id, today());
        String apply = """
                {"conditions":{"penaltyFulfilled":true,"rectified":true,"creditCommitment":true,"trainingCompleted":true},
                 "evidence":["缴款凭证 2026-001"]}""";

        Http.Response tooEarly = http.postJson("/api/v1/listings/" + id + "/repairs", apply, "Authorization", AJJ);
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.json().get("type").asString()).isEqualTo("/problems/repair-too-early");

        clock.advance(Duration.ofDays(366));
        Http.Response unmet = http.postJson("/api/v1/listings/" + id + "/repairs",
                apply.replace("\"trainingCompleted\":true", "\"trainingCompleted\":false"), "Authorization", AJJ);
        assertThat(unmet.status()).isEqualTo(400);
        assertThat(unmet.json().get("errors").get(0).get("field").asString()).isEqualTo("conditions.trainingCompleted");

        Http.Response withoutCommitment = http.postJson("/api/v1/listings/" + id + "/repairs", apply, "Authorization", AJJ);
        assertThat(withoutCommitment.status()).isEqualTo(409);
        assertThat(withoutCommitment.json().get("type").asString()).isEqualTo("/problems/commitment-missing");
        Http.Response committed = http.postJson("/api/v1/violations/" + violation.get("id").asLong() + "/follow-up/commitment",
                "{\"uscc\":\"" + violation.get("unit").get("uscc").asString() + "\",\"signedOn\":\"" + today()
                        + "\",\"documentRef\":\"信用承诺书 2026-001\"}", "Authorization", AJJ);
        assertThat(committed.status()).as(committed.body()).isEqualTo(200);

        Http.Response applied = http.postJson("/api/v1/listings/" + id + "/repairs", apply, "Authorization", AJJ);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        long repairId = applied.json().get("id").asLong();
        assertThat(http.get("/api/v1/repairs", "Authorization", ADMIN).json().findValuesAsString("state")).contains("PENDING");
        assertThat(http.postJson("/api/v1/repairs/" + repairId + "/approval", "{\"reason\":\"条件齐备\"}",
                "Authorization", AJJ).status()).isEqualTo(403);

        Http.Response approved = http.postJson("/api/v1/repairs/" + repairId + "/approval", "{\"reason\":\"条件齐备\"}",
                "Authorization", ADMIN);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(http.get("/api/v1/listings/" + id, "Authorization", ADMIN).json().get("state").asString()).isEqualTo("REPAIRED");
        assertThat(outboxEvents(id, "LISTING_ENDED")).isEqualTo(1);

        Http.Response revoked = http.postJson("/api/v1/repairs/" + repairId + "/revocation", "{\"reason\":\"培训证明系伪造\"}",
                "Authorization", ADMIN);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        JsonNode restored = http.get("/api/v1/listings/" + id, "Authorization", ADMIN).json();
        assertThat(restored.get("state").asString()).isEqualTo("RESTORED");
        assertThat(restored.get("history").findValuesAsString("kind")).contains("REPAIR_APPLIED");
        assertThat(outboxEvents(id, "LISTING_STARTED")).isEqualTo(2);
    }

    @Test
    void theCreditOfficeRevokesAListingMadeInError() {
        long id = Scenario.unitListing(scenario.violation(aViolation()));
        scenario.list(id, today());

        Http.Response byEnforcement = http.postJson("/api/v1/listings/" + id + "/revocation", "{\"reason\":\"错误\"}",
                "Authorization", AJJ);
        Http.Response byAdmin = http.postJson("/api/v1/listings/" + id + "/revocation",
                "{\"reason\":\"主体识别错误\",\"evidence\":[\"复核意见书 2026-7\"]}", "Authorization", ADMIN);

        assertThat(byEnforcement.status()).isEqualTo(403);
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(byAdmin.json().get("state").asString()).isEqualTo("REVOKED");
        JsonNode last = byAdmin.json().get("history").get(byAdmin.json().get("history").size() - 1);
        assertThat(last.get("actorRole").asString()).isEqualTo("ADMIN");
        assertThat(last.get("evidence").get(0).asString()).isEqualTo("复核意见书 2026-7");
    }

    @Test
    void twoCasesOfOneSubjectAreBothDecidedAndTheirConcurrentEndsTakeTurns() throws Exception {
        var first = aViolation();
        String uscc = first.uscc();
        long a = Scenario.unitListing(scenario.violation(first));
        long b = Scenario.unitListing(scenario.violation(aViolation().unit(uscc, "同一家公司")));
        for (long id : List.of(a, b)) {
            http.postJson("/api/v1/listings/" + id + "/notice", "{\"noticeDate\":\"" + today() + "\",\"servedOn\":\"" + today() + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}", "Authorization", AJJ);
        }

        // Two lawful listings of one subject (issue 12, point 3): neither refuses the other.
        assertThat(concurrently(() -> scenario.decide(a, today(), true), () -> scenario.decide(b, today(), true)))
                .containsExactly(200, 200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM listing WHERE subject_key = ? AND state = 'LISTED'",
                Integer.class, "U:" + uscc)).isEqualTo(2);

        // Both end at once: the changes of one subject take turns, so exactly one end event still
        // sees the other listing in force and the last one sees none (never both "still listed").
        String revoke = "{\"reason\":\"主体识别错误\"}";
        assertThat(concurrently(
                () -> http.postJson("/api/v1/listings/" + a + "/revocation", revoke, "Authorization", ADMIN),
                () -> http.postJson("/api/v1/listings/" + b + "/revocation", revoke, "Authorization", ADMIN)))
                .containsExactly(200, 200);
        List<String> stillInForce = jdbc.queryForList("SELECT payload FROM outbox_event WHERE event_type = 'LISTING_ENDED' "
                + "AND (payload LIKE ? OR payload LIKE ?)", String.class, "%\"listingId\":" + a + ",%",
                "%\"listingId\":" + b + ",%").stream()
                .map(p -> p.substring(p.indexOf("\"otherListingsInForce\":"))).toList();
        assertThat(stillInForce).hasSize(2).anyMatch(p -> p.startsWith("\"otherListingsInForce\":[]"))
                .anyMatch(p -> p.matches("\"otherListingsInForce\":\\[(" + a + "|" + b + ")].*"));
    }

    @SafeVarargs
    private static List<Integer> concurrently(Callable<Http.Response>... calls) throws InterruptedException {
        try (var pool = Executors.newFixedThreadPool(calls.length)) {
            return pool.invokeAll(List.of(calls)).stream().map(f -> {
                try {
                    Http.Response response = f.get();
                    return response.status();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
    }

    @Test
    void objectionsAreAnsweredByTheCreditOfficeAndKeptWithTheListing() {
        long id = Scenario.unitListing(scenario.violation(aViolation()));
        scenario.list(id, today());

        Http.Response filed = http.postJson("/api/v1/listings/" + id + "/objections",
                "{\"filedBy\":\"南通某公司\",\"content\":\"事故等级认定有误\"}", "Authorization", AJJ);
        assertThat(filed.status()).isEqualTo(201);
        long objectionId = filed.json().get("id").asLong();
        assertThat(filed.json().get("answerDue").asString()).isEqualTo(today().plusDays(15).toString());

        clock.advance(Duration.ofDays(20));
        JsonNode open = http.get("/api/v1/objections", "Authorization", ADMIN).json();
        assertThat(open.findValues("overdue").stream().anyMatch(JsonNode::asBoolean)).isTrue();

        Http.Response badOutcome = http.postJson("/api/v1/objections/" + objectionId + "/answer",
                "{\"answer\":\"维持\",\"outcome\":\"MAYBE\"}", "Authorization", ADMIN);
        assertThat(badOutcome.json().get("errors").get(0).get("field").asString()).isEqualTo("outcome");
        Http.Response answered = http.postJson("/api/v1/objections/" + objectionId + "/answer",
                "{\"answer\":\"经复核，认定无误，维持列入\",\"outcome\":\"REJECTED\"}", "Authorization", ADMIN);
        assertThat(answered.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/listings/" + id, "Authorization", AJJ).json().get("history")
                .findValuesAsString("kind")).contains("OBJECTION_FILED", "OBJECTION_ANSWERED");
    }

    @Test
    void openObjectionsAreReadPageByPageWithSizeOrTheOlderLimit() {
        long id = Scenario.unitListing(scenario.violation(aViolation()));
        scenario.list(id, today());
        for (int i = 0; i < 3; i++) {
            assertThat(http.postJson("/api/v1/listings/" + id + "/objections",
                    "{\"filedBy\":\"南通某公司\",\"content\":\"异议" + i + "\"}", "Authorization", AJJ).status()).isEqualTo(201);
        }

        List<String> all = http.get("/api/v1/objections?size=500", "Authorization", ADMIN).json().findValuesAsString("id");
        List<String> first = http.get("/api/v1/objections?page=0&size=2", "Authorization", ADMIN).json().findValuesAsString("id");
        List<String> second = http.get("/api/v1/objections?page=1&size=2", "Authorization", ADMIN).json().findValuesAsString("id");
        assertThat(first).hasSize(2).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(second).containsExactlyElementsOf(all.subList(2, Math.min(4, all.size())));
        assertThat(http.get("/api/v1/objections?limit=2", "Authorization", ADMIN).json().findValuesAsString("id"))
                .as("limit, the older name of size").isEqualTo(first);
        assertThat(http.get("/api/v1/objections?size=0", "Authorization", ADMIN).json().get("errors").get(0).get("field")
                .asString()).isEqualTo("size");
        assertThat(http.get("/api/v1/objections?page=-1", "Authorization", ADMIN).json().get("errors").get(0).get("field")
                .asString()).isEqualTo("page");
    }

    @Test
    void anEnforcementDepartmentSeesOnlyItsOwnListings() {
        long id = Scenario.unitListing(scenario.violation(aViolation()));
        String zjj = TestTokens.bearer("ZJJ", "ENFORCEMENT");

        assertThat(http.get("/api/v1/listings/" + id, "Authorization", zjj).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/listings?state=PROPOSED", "Authorization", zjj).json().findValuesAsString("department"))
                .doesNotContain("AJJ");
        assertThat(http.get("/api/v1/listings?state=PROPOSED", "Authorization", AJJ).json().findValuesAsString("department"))
                .containsOnly("AJJ");
        assertThat(http.get("/api/v1/listings?state=NONSENSE", "Authorization", AJJ).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/listings", "Authorization", TestTokens.bearer("XZSPJ", "APPROVAL")).status()).isEqualTo(403);
    }
}
