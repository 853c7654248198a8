package cn.chongchuan.safetycredit.sanction.feed;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.NoticeVerifier;
import cn.chongchuan.safetycredit.sanction.testing.PartnerEndpoints;
import cn.chongchuan.safetycredit.sanction.testing.TestDepartments;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The pull feed over HTTP: what it serves, acknowledgement, roles, validation, long polling. */
@ServiceTest
class NoticeFeedTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    FeedSignal signal;

    private Api api;
    private PullDepartments pulling;
    private TestDepartments pushing;

    @BeforeEach
    void clients() {
        api = new Api(port);
        pulling = new PullDepartments(api);
        pushing = new TestDepartments(api);
    }

    private Api api() {
        return api;
    }

    @AfterEach
    void disableTestDepartments() {
        pulling.disableAll();
        pushing.disableAll();
    }

    private Http.Response feed(String query, String bearer) {
        return api().get("/api/v1/notices/feed" + query, bearer);
    }

    private JsonNode feedOk(String department, String query) {
        Http.Response response = feed(query, Api.partner(department));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private Http.Response ack(String department, String cursor) {
        return api().post("/api/v1/notices/feed/ack", "{\"cursor\":\"" + cursor + "\"}", Api.partner(department));
    }

    private String noticeOf(long listingId, String department) {
        return jdbc.queryForObject("SELECT id FROM notice WHERE listing_id = ? AND department_code = ?", String.class,
                listingId, department);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("noticeId").asString()));
        return ids;
    }

    private static List<Long> cursors(JsonNode page) {
        List<Long> cursors = new ArrayList<>();
        page.get("items").forEach(item -> cursors.add(Long.parseLong(item.get("cursor").asString())));
        return cursors;
    }

    @Test
    void aPulledNoticeIsTheBodyAPushSendsSignedTheSameWay() throws Exception {
        String code = TestDepartments.newCode("P");
        String path = "/feed-push/" + code;
        String secret = pushing.register(code, path);
        long listingId = pulling.listUnit();
        String noticeId = noticeOf(listingId, code);
        await().atMost(Duration.ofSeconds(15)).until(() -> "DELIVERED".equals(jdbc.queryForObject(
                "SELECT status FROM notice WHERE id = ?", String.class, noticeId)));
        LoggedRequest pushed = PartnerEndpoints.server().findAll(postRequestedFor(urlEqualTo(path))).getFirst();

        JsonNode item = feedOk(code, "?after=0").get("items").get(0);

        assertThat(item.get("noticeId").asString()).isEqualTo(noticeId).isEqualTo(pushed.getHeader("webhook-id"));
        assertThat(item.get("cursor").asString()).isEqualTo("1");
        assertThat(item.get("kind").asString()).isEqualTo("SANCTION_START");
        byte[] body = item.get("body").asString().getBytes(StandardCharsets.UTF_8);
        assertThat(body).isEqualTo(pushed.getBody());
        JsonNode headers = item.get("headers");
        // The department's check for pushed notices, unchanged, accepts the pulled one.
        NoticeVerifier.Verdict verdict = new NoticeVerifier(List.of(secret), List.of(), clock).check(
                headers.get("webhook-id").asString(), headers.get("webhook-timestamp").asString(),
                headers.get("webhook-signature").asString(), body);
        assertThat(verdict).isEqualTo(NoticeVerifier.Verdict.ACCEPT);
        assertThat(new NoticeVerifier(List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"), List.of(), clock).check(headers.get("webhook-id").asString(),
                headers.get("webhook-timestamp").asString(), headers.get("webhook-signature").asString(), body))
                .isEqualTo(NoticeVerifier.Verdict.REJECT);
    }

    @Test
    void aDepartmentWithoutSecretStillGetsItsNoticesUnsigned() {
        String code = pulling.register();
        pulling.listUnit();

        JsonNode item = feedOk(code, "").get("items").get(0);

        assertThat(item.get("headers").get("webhook-id").asString()).isEqualTo(item.get("noticeId").asString());
        assertThat(item.get("headers").get("webhook-timestamp").asString())
                .isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(item.get("headers").get("webhook-signature").isNull()).isTrue();
    }

    @Test
    void pagesInOrderAndAcknowledgesByCursor() {
        String code = pulling.register();
        List<String> issued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            issued.add(noticeOf(pulling.listUnit(), code));
        }

        JsonNode first = feedOk(code, "?limit=2");
        JsonNode second = feedOk(code, "?limit=2&after=" + first.get("nextCursor").asString());
        JsonNode third = feedOk(code, "?limit=2&after=" + second.get("nextCursor").asString());
        JsonNode end = feedOk(code, "?limit=2&after=" + third.get("nextCursor").asString());

        List<String> read = new ArrayList<>(ids(first));
        read.addAll(ids(second));
        read.addAll(ids(third));
        assertThat(read).isEqualTo(issued);
        assertThat(cursors(first)).containsExactly(1L, 2L);
        assertThat(cursors(third)).containsExactly(5L);
        assertThat(end.get("items")).isEmpty();
        assertThat(end.get("nextCursor").asString()).isEqualTo("5");
        assertThat(first.get("acknowledgedCursor").asString()).isEqualTo("0");

        Http.Response acked = ack(code, "2");
        assertThat(acked.status()).as(acked.body()).isEqualTo(200);
        assertThat(acked.json().get("acknowledgedCursor").asString()).isEqualTo("2");
        assertThat(acked.json().get("lastCursor").asString()).isEqualTo("5");
        assertThat(acked.json().get("acknowledgedNotices").asInt()).isEqualTo(2);
        // Acknowledged by cursor = acknowledged one by one: out of NEW, feedback still due.
        assertThat(acknowledgedAt(issued.get(0))).isNotNull();
        assertThat(acknowledgedAt(issued.get(1))).isNotNull();
        assertThat(acknowledgedAt(issued.get(2))).isNull();
        Http.Response newOnes = api().get("/api/v1/notices?status=NEW", Api.partner(code));
        assertThat(newOnes.json().size()).isEqualTo(3);

        // Without "after", a read starts after the acknowledged cursor.
        JsonNode resumed = feedOk(code, "");
        assertThat(ids(resumed)).isEqualTo(issued.subList(2, 5));
        assertThat(resumed.get("acknowledgedCursor").asString()).isEqualTo("2");

        // A notice acknowledged on its own stays as it was; the cursor acknowledges only the others.
        Http.Response single = api().post("/api/v1/notices/" + issued.get(3) + "/ack", "", Api.partner(code));
        assertThat(single.status()).isEqualTo(200);
        Http.Response rest = ack(code, "5");
        assertThat(rest.json().get("acknowledgedNotices").asInt()).isEqualTo(2);

        Http.Response again = ack(code, "5");
        assertThat(again.status()).as("the same cursor again").isEqualTo(200);
        assertThat(again.json().get("acknowledgedNotices").asInt()).isZero();

        Http.Response back = ack(code, "3");
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.json().get("type").asString()).isEqualTo("/problems/feed-position");
        assertThat(back.json().get("detail").asString()).contains("cursor 3", "acknowledged cursor 5");

        Http.Response beyond = ack(code, "6");
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(beyond.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
        assertThat(jdbc.queryForObject("SELECT acked_seq FROM department_feed WHERE department_code = ?", Long.class,
                code)).isEqualTo(5L);
    }

    private Object acknowledgedAt(String noticeId) {
        return jdbc.queryForObject("SELECT acknowledged_at FROM notice WHERE id = ?", Object.class, noticeId);
    }

    @Test
    void everyReadThatGaveNoticesAndEveryAckIsRecordedForAdmin() {
        String code = pulling.register();
        pulling.listUnit();
        pulling.listUnit();
        feedOk(code, "?after=0&limit=1");
        feedOk(code, "?after=2");                                      // nothing new: not recorded
        assertThat(feed("?department=" + code + "&after=1", Api.admin()).status()).isEqualTo(200);
        assertThat(ack(code, "2").status()).isEqualTo(200);

        Http.Response log = api().get("/api/v1/notices/feed/access?department=" + code, Api.admin());

        assertThat(log.status()).as(log.body()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        log.json().forEach(row -> rows.add(row.get("action").asString() + " " + row.get("callerDepartment").asString()
                + " " + row.get("callerRoles").asString() + " " + row.get("afterCursor").asString() + ".."
                + row.get("throughCursor").asString() + " " + row.get("notices").asInt()));
        assertThat(rows).containsExactly("ACK " + code + " PARTNER 0..2 2", "READ AWB ADMIN 1..2 1",
                "READ " + code + " PARTNER 0..1 1");
        assertThat(api().get("/api/v1/notices/feed/access", Api.partner(code)).status()).isEqualTo(403);
    }

    @Test
    void aPartnerReadsOnlyItsOwnFeedAndOnlyItAcknowledges() {
        String code = pulling.register();
        String other = pulling.register();
        pulling.listUnit();

        Http.Response foreign = feed("?department=" + code, Api.partner(other));
        Http.Response admin = feed("?department=" + code, Api.admin());
        Http.Response adminAck = api().post("/api/v1/notices/feed/ack", "{\"cursor\":\"1\"}", Api.admin());

        assertThat(foreign.status()).as("another department's feed is not there for it").isEqualTo(404);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().get("department").asString()).isEqualTo(code);
        assertThat(admin.json().get("items")).hasSize(1);
        assertThat(adminAck.status()).isEqualTo(403);
        Http.Response unknown = feed("?department=NOSUCHDEPT", Api.admin());
        assertThat(unknown.status()).as("a department that does not exist has no feed").isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).contains("NOSUCHDEPT");
        for (String role : List.of("SERVICE", "APPROVAL", "ENFORCEMENT")) {
            assertThat(feed("", TestTokens.bearer(code, role)).status()).as(role).isEqualTo(403);
        }
        assertThat(feed("", null).status()).isEqualTo(401);
        assertThat(api().post("/api/v1/notices/feed/ack", "{\"cursor\":\"1\"}", null).status()).isEqualTo(401);
    }

    @ParameterizedTest(name = "GET feed{0} names {1}")
    @CsvSource({
            "?after=abc, after",
            "?after=-1, after",
            "?after=01, after",
            "?after=1234567890123456789012, after",
            "?after=999999, after",
            "?limit=0, limit",
            "?limit=501, limit",
            "?wait=11, wait",
            "?wait=-1, wait",
            "?department=lower, department"})
    void badReadParametersAreNamedInTheProblem(String query, String field) {
        String code = pulling.register();

        Http.Response response = feed(query, Api.partner(code));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @ParameterizedTest(name = "GET feed/access{0} names {1}")
    @CsvSource({"?department=lower, department", "?size=0, size", "?page=-1, page"})
    void badAccessLogParametersAreNamedInTheProblem(String query, String field) {
        Http.Response response = api().get("/api/v1/notices/feed/access" + query, Api.admin());

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    @ParameterizedTest(name = "ack {0} names cursor")
    @CsvSource(delimiter = '|', value = {"{\"cursor\":\"x1\"}", "{}", "{\"cursor\":\"-3\"}", "{\"cursor\":\"\"}"})
    void badAcknowledgementsAreNamedInTheProblem(String body) {
        String code = pulling.register();

        Http.Response response = api().post("/api/v1/notices/feed/ack", body, Api.partner(code));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("cursor");
    }

    @Test
    void aWaitingReadAnswersAsSoonAsANoticeArrives() {
        String code = pulling.register();
        pulling.listUnit();
        String next = feedOk(code, "").get("nextCursor").asString();
        int waitingBefore = signal.waiting();

        CompletableFuture<Http.Response> waiting = CompletableFuture.supplyAsync(
                () -> feed("?wait=10&after=" + next, Api.partner(code)));
        await().atMost(Duration.ofSeconds(5)).until(() -> signal.waiting() > waitingBefore);
        assertThat(waiting).isNotDone();
        long listingId = pulling.listUnit();

        await().atMost(Duration.ofSeconds(3)).until(waiting::isDone);
        Http.Response answered = waiting.join();
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(ids(answered.json())).containsExactly(noticeOf(listingId, code));
    }

    @Test
    void aWaitingReadWithNothingNewEndsEmptyAtItsWait() {
        String code = pulling.register();
        pulling.listUnit();

        JsonNode page = feedOk(code, "?after=1&wait=1");

        assertThat(page.get("items")).isEmpty();
        assertThat(page.get("nextCursor").asString()).isEqualTo("1");
    }
}
