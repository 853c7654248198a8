package cn.chongchuan.safetycredit.credit.changes;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.listing.ListingService;
import cn.chongchuan.safetycredit.credit.subject.PersonalIdProtector;
import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
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
import java.util.ArrayList;
import java.util.List;

import static cn.chongchuan.safetycredit.credit.support.Scenario.ADMIN;
import static cn.chongchuan.safetycredit.credit.support.Scenario.AJJ;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aResidentId;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

/** The changes feed after each step of the listing procedure, as an approval system reads it. */
@ServiceTest
class ChangesFeedApiTest {

    static final String XZSPJ = TestTokens.bearer("XZSPJ", "APPROVAL");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ListingService listings;
    @Autowired
    PersonalIdProtector protector;

    Http http;
    Scenario scenario;
    long start;

    @BeforeEach
    void setUp() {
        clock.set(Instant.now());
        http = Http.local(port);
        scenario = new Scenario(http);
        start = jdbc.queryForObject("SELECT seq FROM change_sequence WHERE id = 1", Long.class);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    /** Every item after {@code from} read page by page, as an approval system would. */
    private List<JsonNode> feed(long from, String subject) {
        List<JsonNode> items = new ArrayList<>();
        long cursor = from;
        while (true) {
            Http.Response page = http.get("/api/v1/changes?after=" + cursor + "&limit=3", "Authorization", XZSPJ);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            // Cursors are strings, as the notice feed's: clients keep them as given.
            assertThat(page.json().get("nextCursor").isString()).as(page.body()).isTrue();
            page.json().get("items").forEach(item -> {
                assertThat(item.get("cursor").isString()).as(item.toString()).isTrue();
                if (subject == null || subject.equals(item.get("subject").asString())) {
                    items.add(item);
                }
            });
            long next = page.json().get("nextCursor").asLong();
            if (next == cursor) {
                return items;
            }
            cursor = next;
        }
    }

    private static List<String> changes(List<JsonNode> items) {
        return items.stream().map(i -> i.get("change").asString() + "/" + i.get("status").asString()).toList();
    }

    @Test
    void listingAndRepairOfAUnitAppearInOrderWithTheAnswerTheCheckNowGives() {
        JsonNode violation = scenario.violation(aViolation());
        String uscc = violation.get("unit").get("uscc").asString();
        long id = Scenario.unitListing(violation);

        List<JsonNode> proposed = feed(start, uscc);
        assertThat(changes(proposed)).containsExactly("PROPOSED/PROPOSED", "KEY_SUPERVISION/PROPOSED");
        assertThat(proposed.getFirst().get("subjectType").asString()).isEqualTo("UNIT");
        assertThat(proposed.getFirst().get("listingId").asLong()).isEqualTo(id);
        assertThat(proposed.getFirst().get("source").asString()).isEqualTo("LISTING");
        assertThat(proposed.getLast().get("source").asString()).isEqualTo("KEY_SUPERVISION");
        assertThat(proposed.getFirst().get("at").asString()).isNotBlank();

        scenario.list(id, today());
        clock.advance(Duration.ofDays(366));
        Http.Response committed = http.postJson("/api/v1/violations/" + violation.get("id").asLong() + "/follow-up/commitment",
                "{\"uscc\":\"" + uscc + "\",\"signedOn\":\"" + today() + "\",\"documentRef\":\"信用承诺书 2026-002\"}",
                "Authorization", AJJ);
        assertThat(committed.status()).as(committed.body()).isEqualTo(200);
        Http.Response applied = http.postJson("/api/v1/listings/" + id + "/repairs", """
                {"conditions":{"penaltyFulfilled":true,"rectified":true,"creditCommitment":true,"trainingCompleted":true}}""",
                "Authorization", AJJ);
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        Http.Response approved = http.postJson("/api/v1/repairs/" + applied.json().get("id").asLong() + "/approval",
                "{\"reason\":\"条件齐备\"}", "Authorization", ADMIN);
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);

        List<JsonNode> all = feed(start, uscc);
        assertThat(changes(all)).containsExactly("PROPOSED/PROPOSED", "KEY_SUPERVISION/PROPOSED", "NOTIFIED/PROPOSED",
                "LISTED/LISTED", "REPAIRED/CLEAR");
        assertThat(all).extracting(i -> i.get("cursor").asLong()).isSorted().doesNotHaveDuplicates();
        // The feed answers exactly what the check now answers.
        assertThat(http.get("/api/v1/checks/" + uscc, "Authorization", XZSPJ).json().get("status").asString())
                .isEqualTo("CLEAR");
    }

    @Test
    void expiryByTheJobAppearsAsExpiredWithTheAnswerClear() {
        LocalDate decided = today().minusYears(3).plusDays(1);
        JsonNode violation = scenario.violation(aViolation().decidedOn(decided.minusDays(30)));
        String uscc = violation.get("unit").get("uscc").asString();
        long id = Scenario.unitListing(violation);
        scenario.list(id, decided);
        assertThat(changes(feed(start, uscc))).endsWith("LISTED/LISTED");

        clock.advance(Duration.ofDays(2));
        for (int run = 0; run < 20 && feed(start, uscc).size() < 5; run++) {
            listings.expireDueListings(100);
        }

        List<JsonNode> all = feed(start, uscc);
        assertThat(changes(all)).endsWith("LISTED/LISTED", "EXPIRED/CLEAR");
        assertThat(all.getLast().get("listingId").asLong()).isEqualTo(id);
    }

    @Test
    void aRevocationAppearsAsRevokedAndThePersonOnlyByKeyedHash() {
        String idNumber = aResidentId();
        JsonNode violation = scenario.violation(aViolation().withoutPersons().withPrincipal("李四", idNumber));
        long personListing = Scenario.personListing(violation);
        scenario.list(personListing, today());
        Http.Response revoked = http.postJson("/api/v1/listings/" + personListing + "/revocation",
                "{\"reason\":\"主体识别错误\"}", "Authorization", ADMIN);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);

        String personKey = "P:" + protector.hash(ResidentIdNumber.parse(idNumber, "idNumber"));
        List<JsonNode> person = feed(start, personKey);
        assertThat(changes(person)).containsExactly("PROPOSED/PROPOSED", "NOTIFIED/PROPOSED", "LISTED/LISTED",
                "REVOKED/CLEAR");
        assertThat(person).allSatisfy(i -> assertThat(i.get("subjectType").asString()).isEqualTo("PERSON"));

        String masked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);
        Http.Response page = http.get("/api/v1/changes?after=" + start + "&limit=1000", "Authorization", XZSPJ);
        assertThat(page.body()).contains(personKey).doesNotContain(idNumber, masked, idNumber.substring(6, 14));
    }

    @Test
    void aChangeRolledBackLeavesNoRowAndNoGap() {
        JsonNode violation = scenario.violation(aViolation());
        long id = Scenario.unitListing(violation);
        long before = jdbc.queryForObject("SELECT seq FROM change_sequence WHERE id = 1", Long.class);

        // Deciding inside the defence period is refused after the listing was locked: the transaction rolls back.
        Http.Response refused = scenario.decide(id, today(), false);
        assertThat(refused.status()).isEqualTo(409);

        assertThat(jdbc.queryForObject("SELECT seq FROM change_sequence WHERE id = 1", Long.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subject_change WHERE seq > ?", Long.class, start))
                .isEqualTo(jdbc.queryForObject("SELECT MAX(seq) FROM subject_change", Long.class) - start);
    }
}
