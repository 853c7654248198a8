package cn.chongchuan.safetycredit.credit.changes;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.subject.PersonKeyChanged;
import cn.chongchuan.safetycredit.credit.subject.PersonalIdProtector;
import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import cn.chongchuan.safetycredit.credit.support.AmbiguousCode;
import cn.chongchuan.safetycredit.credit.support.Scenario;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.CODES;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aResidentId;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

/** Watch registrations, the watched-only feed and references, who may read the feed, its validation and its audit. */
@ServiceTest
class ChangeWatchesApiTest {

    static final String XZSPJ = TestTokens.bearer("XZSPJ", "APPROVAL");
    static final String FGW = TestTokens.bearer("FGW", "APPROVAL", "PARTNER");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalIdProtector protector;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactions;

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

    private Http.Response watch(String reference, String code, String token) {
        return http.postJson("/api/v1/changes/watches", "{\"reference\":\"" + reference + "\",\"code\":\"" + code + "\"}",
                "Authorization", token);
    }

    private static String ref() {
        return "SP-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private int delete(String path, String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", TestTokens.fresh(token)).DELETE().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private List<JsonNode> feed(String query, String token) {
        List<JsonNode> items = new ArrayList<>();
        long cursor = start;
        while (true) {
            Http.Response page = http.get("/api/v1/changes?after=" + cursor + "&limit=50" + query, "Authorization", token);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(items::add);
            long next = page.json().get("nextCursor").asLong();
            if (next == cursor) {
                return items;
            }
            cursor = next;
        }
    }

    private static void assertProblem(Http.Response response, int status, String type, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("type").asString()).isEqualTo(type);
        assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
    }

    @Test
    void aDepartmentRegistersItsReferencesOnceAndSeesThemOnTheChangesOfItsSubjects() throws Exception {
        String watched = CODES.uscc("320602");
        String reference = ref();
        Http.Response created = watch(reference, watched, XZSPJ);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("subject").asString()).isEqualTo(watched);
        assertThat(created.json().get("subjectType").asString()).isEqualTo("UNIT");
        assertThat(watch(reference, watched, XZSPJ).status()).isEqualTo(200);
        assertProblem(watch(reference, CODES.uscc("320602"), XZSPJ), 409, "/problems/watch-reference-taken", "reference");

        JsonNode violation = scenario.violation(aViolation().unit(watched, "南通崇川关注测试有限公司"));
        JsonNode other = scenario.violation(aViolation());
        String otherUscc = other.get("unit").get("uscc").asString();

        List<JsonNode> mine = feed("&watched=true", XZSPJ);
        assertThat(mine).isNotEmpty().allSatisfy(i -> {
            assertThat(i.get("subject").asString()).isEqualTo(watched);
            assertThat(i.get("references").values()).extracting(JsonNode::asString).containsExactly(reference);
        });
        assertThat(mine).extracting(i -> i.get("change").asString()).containsExactly("PROPOSED", "KEY_SUPERVISION");
        assertThat(mine.getFirst().get("listingId").asLong()).isEqualTo(Scenario.unitListing(violation));
        List<JsonNode> all = feed("", XZSPJ);
        assertThat(all).extracting(i -> i.get("subject").asString()).contains(watched, otherUscc);
        assertThat(all).filteredOn(i -> i.get("subject").asString().equals(otherUscc)).allSatisfy(i ->
                assertThat(i.has("references")).isFalse());
        // Another department sees none of this department's references, and watches nothing.
        assertThat(feed("", FGW)).allSatisfy(i -> assertThat(i.has("references")).isFalse());
        assertThat(feed("&watched=true", FGW)).isEmpty();
        assertThat(http.get("/api/v1/changes/watches", "Authorization", FGW).json().get("items")).isEmpty();

        Http.Response list = http.get("/api/v1/changes/watches?page=0&size=500", "Authorization", XZSPJ);
        assertThat(list.json().get("items").findValuesAsString("reference")).contains(reference);
        assertThat(http.get("/api/v1/changes/watches?size=1", "Authorization", XZSPJ).json().get("items")).hasSize(1);

        assertThat(delete("/api/v1/changes/watches/" + reference, FGW)).isEqualTo(404);
        assertThat(delete("/api/v1/changes/watches/" + reference, XZSPJ)).isEqualTo(204);
        assertThat(delete("/api/v1/changes/watches/" + reference, XZSPJ)).isEqualTo(404);
        assertThat(feed("&watched=true", XZSPJ)).noneMatch(i -> i.get("subject").asString().equals(watched));
    }

    @Test
    void aPersonIsWatchedAndShownOnlyByKeyedHashAndFollowsARehash() {
        String idNumber = aResidentId();
        String masked = idNumber.substring(0, 6) + "********" + idNumber.substring(14);
        String key = "P:" + protector.hash(ResidentIdNumber.parse(idNumber, "idNumber"));
        String reference = ref();

        Http.Response created = watch(reference, idNumber, XZSPJ);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("subject").asString()).isEqualTo(key);
        assertThat(created.json().get("subjectType").asString()).isEqualTo("PERSON");
        scenario.violation(aViolation().withoutPersons().withPrincipal("王五", idNumber));

        List<JsonNode> mine = feed("&watched=true", XZSPJ);
        assertThat(mine).extracting(i -> i.get("subject").asString()).containsOnly(key);
        Http.Response page = http.get("/api/v1/changes?after=" + start + "&limit=1000&watched=true", "Authorization", XZSPJ);
        Http.Response watches = http.get("/api/v1/changes/watches?size=500", "Authorization", XZSPJ);
        for (Http.Response response : List.of(created, page, watches)) {
            assertThat(response.body()).doesNotContain(idNumber, masked, idNumber.substring(6, 14));
        }

        // The person re-hashed under a new HMAC key (as PersonalDataRotation does it): the watch follows.
        String newKey = "P:" + HexFormat.of().formatHex(UUID.randomUUID().toString().repeat(2).getBytes(), 0, 32);
        new TransactionTemplate(transactions).executeWithoutResult(tx -> events.publishEvent(new PersonKeyChanged(key, newKey)));

        JsonNode rekeyed = feed("&watched=true", XZSPJ).getLast();
        assertThat(rekeyed.get("change").asString()).isEqualTo("SUBJECT_REKEYED");
        assertThat(rekeyed.get("subject").asString()).isEqualTo(newKey);
        assertThat(rekeyed.get("formerSubject").asString()).isEqualTo(key);
        assertThat(rekeyed.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(rekeyed.get("references").values()).extracting(JsonNode::asString).containsExactly(reference);
        assertThat(http.get("/api/v1/changes/watches?size=500", "Authorization", XZSPJ).json().get("items"))
                .filteredOn(w -> w.get("reference").asString().equals(reference))
                .extracting(w -> w.get("subject").asString()).containsExactly(newKey);
    }

    @Test
    void codesAndReferencesAreValidatedAsTheCheckValidatesCodes() {
        String uscc = CODES.uscc("320602");
        char wrong = uscc.charAt(17) == '0' ? '1' : '0';
        Http.Response badCheck = watch(ref(), uscc.substring(0, 17) + wrong, XZSPJ);
        assertProblem(badCheck, 400, "/problems/invalid-code", "code");
        assertThat(badCheck.json().get("expectedCheckCharacter").asString()).isEqualTo(String.valueOf(uscc.charAt(17)));

        assertProblem(watch(ref(), AmbiguousCode.validAsBoth(), XZSPJ), 400, "/problems/validation", "subjectType");
        Http.Response asPerson = http.postJson("/api/v1/changes/watches", "{\"reference\":\"" + ref() + "\",\"code\":\""
                + AmbiguousCode.validAsBoth() + "\",\"subjectType\":\"PERSON\"}", "Authorization", XZSPJ);
        assertThat(asPerson.status()).as(asPerson.body()).isEqualTo(201);
        assertThat(asPerson.json().get("subject").asString()).startsWith("P:");
        assertProblem(http.postJson("/api/v1/changes/watches", "{\"reference\":\"" + ref() + "\",\"code\":\"" + uscc
                + "\",\"subjectType\":\"FIRM\"}", "Authorization", XZSPJ), 400, "/problems/validation", "subjectType");

        assertProblem(watch("file-" + aResidentId(), uscc, XZSPJ), 400, "/problems/validation", "reference");
        assertProblem(watch("a/b", uscc, XZSPJ), 400, "/problems/validation", "reference");
        assertProblem(watch("", uscc, XZSPJ), 400, "/problems/validation", "reference");
        assertProblem(watch("x".repeat(65), uscc, XZSPJ), 400, "/problems/validation", "reference");
        assertProblem(http.postJson("/api/v1/changes/watches", "{\"reference\":\"" + ref() + "\"}", "Authorization", XZSPJ),
                400, "/problems/validation", "code");

        for (Map.Entry<String, String> bad : Map.of("limit=0", "limit", "limit=1001", "limit", "after=-1", "after",
                "after=abc", "after", "after=" + (start + 1_000_000), "after", "watched=maybe", "watched").entrySet()) {
            Http.Response response = http.get("/api/v1/changes?" + bad.getKey(), "Authorization", XZSPJ);
            assertThat(response.status()).as(bad.getKey() + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(bad.getKey()).contains("\"" + bad.getValue());
        }
    }

    @Test
    void onlyApprovalSystemsAndTheCreditOfficeReadTheFeedAndOnlyApprovalSystemsWatch() throws Exception {
        String admin = Scenario.ADMIN;
        String enforcement = Scenario.AJJ;
        String partner = TestTokens.bearer("CZJ", "PARTNER");
        assertThat(http.get("/api/v1/changes", "Authorization", XZSPJ).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/changes", "Authorization", admin).status()).isEqualTo(200);
        for (String refused : List.of(enforcement, partner)) {
            assertThat(http.get("/api/v1/changes", "Authorization", refused).status()).isEqualTo(403);
            assertThat(http.get("/api/v1/changes/watches", "Authorization", refused).status()).isEqualTo(403);
            assertThat(watch(ref(), CODES.uscc("320602"), refused).status()).isEqualTo(403);
            assertThat(delete("/api/v1/changes/watches/" + ref(), refused)).isEqualTo(403);
        }
        assertThat(watch(ref(), CODES.uscc("320602"), admin).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/changes/reads", "Authorization", XZSPJ).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/changes").status()).isEqualTo(401);
        assertThat(http.getPublic("/api/v1/changes").status()).isEqualTo(403);
    }

    @Test
    void everyReadOfTheFeedIsAuditedWithItsCursorRange() {
        scenario.violation(aViolation());
        String requestId = "feed-audit-" + UUID.randomUUID();
        Http.Response page = http.get("/api/v1/changes?after=" + start + "&limit=2", "Authorization", XZSPJ,
                "X-Request-Id", requestId);
        assertThat(page.status()).isEqualTo(200);
        JsonNode items = page.json().get("items");
        assertThat(items).hasSize(2);

        Map<String, Object> row = jdbc.queryForMap("SELECT department_code, caller_roles, after_seq, next_seq, first_seq, "
                + "last_seq, item_count, watched_only, read_at FROM change_feed_read WHERE request_id = ?", requestId);
        assertThat(row).containsEntry("department_code", "XZSPJ").containsEntry("caller_roles", "APPROVAL")
                .containsEntry("after_seq", start).containsEntry("item_count", 2)
                .containsEntry("first_seq", items.get(0).get("cursor").asLong())
                .containsEntry("last_seq", items.get(1).get("cursor").asLong())
                .containsEntry("next_seq", page.json().get("nextCursor").asLong())
                .containsEntry("watched_only", false);
        assertThat(row.get("read_at")).isNotNull();

        JsonNode audit = http.get("/api/v1/changes/reads?department=XZSPJ&size=50", "Authorization", Scenario.ADMIN).json();
        assertThat(audit.get("items")).anySatisfy(r -> {
            assertThat(r.get("requestId").asString()).isEqualTo(requestId);
            assertThat(r.get("count").asInt()).isEqualTo(2);
            assertThat(r.get("after").asLong()).isEqualTo(start);
        });
    }
}
