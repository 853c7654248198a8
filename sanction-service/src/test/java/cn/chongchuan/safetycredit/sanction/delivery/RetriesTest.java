package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import cn.chongchuan.safetycredit.sanction.testing.PartnerEndpoints;
import cn.chongchuan.safetycredit.sanction.testing.TestDepartments;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retries as a well-run webhook sender does them, on the running service with WireMock partners and
 * the test clock (schedule 1m, 5m, 10m without jitter; an endpoint failing for 30 min is disabled):
 * {@code Retry-After} in both forms and its cap, 410 Gone and a long outage disabling the endpoint,
 * ADMIN enabling it again.
 */
@ServiceTest
class RetriesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    private final WireMockServer partners = PartnerEndpoints.server();
    private TestDepartments departments;

    private Api api() {
        return new Api(port);
    }

    private TestDepartments departments() {
        if (departments == null) {
            departments = new TestDepartments(api());
        }
        return departments;
    }

    @AfterEach
    void disableTestDepartments() {
        departments().disableAll();
    }

    private long listUnit() {
        return ListingEvents.listUnit(api());
    }

    private Map<String, Object> notice(long listingId, String department) {
        return jdbc.queryForMap("SELECT id, status, attempts, failed_rounds, next_attempt_at, flagged, last_http_status "
                + "FROM notice WHERE listing_id = ? AND department_code = ? AND kind = 'SANCTION_START'", listingId, department);
    }

    private Map<String, Object> awaitStatus(long listingId, String department, String status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> status.equals(notice(listingId, department).get("status")));
        return notice(listingId, department);
    }

    private Map<String, Object> awaitFailedRounds(long listingId, String department, int rounds) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Map<String, Object> n = notice(listingId, department);
            return ((Number) n.get("failed_rounds")).intValue() >= rounds && "QUEUED".equals(n.get("status"));
        });
        return notice(listingId, department);
    }

    /** Waits until a round that leaves the notice QUEUED (no round counted) has been written after {@code since}. */
    private Map<String, Object> awaitWaiting(long listingId, String department, Instant since) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Map<String, Object> n = notice(listingId, department);
            return "QUEUED".equals(n.get("status")) && nextAttempt(n).isAfter(since.plus(Duration.ofMinutes(30)));
        });
        return notice(listingId, department);
    }

    private static Instant nextAttempt(Map<String, Object> notice) {
        return ((LocalDateTime) notice.get("next_attempt_at")).toInstant(ZoneOffset.UTC);
    }

    private int calls(String path) {
        return partners.findAll(postRequestedFor(urlEqualTo(path))).size();
    }

    private Http.Response endpoint(String code, String bearer) {
        return api().get("/api/v1/departments/" + code + "/endpoint", bearer);
    }

    @Test
    void aTooManyRequestsWithRetryAfterSecondsEndsTheRoundAndDelaysTheNextOneAsAsked() {
        String code = TestDepartments.newCode("Q");
        String path = "/busy/" + code;
        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1200")));
        departments().register(code, path);
        Instant before = clock.instant();

        long listingId = listUnit();
        Map<String, Object> waiting = awaitFailedRounds(listingId, code, 1);

        // The schedule says 1 min; the department asked for 20: the round waits 20 min, and the
        // round's second call (max-attempts 2) was never made.
        assertThat(nextAttempt(waiting)).isBetween(before.plus(Duration.ofMinutes(20)),
                clock.instant().plus(Duration.ofMinutes(20)));
        assertThat(waiting.get("attempts")).isEqualTo(1);
        assertThat(waiting.get("last_http_status")).isEqualTo(429);
        assertThat(calls(path)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(awaitFailedRounds(listingId, code, 1).get("attempts")).as("not retried at the schedule's 1 min")
                .isEqualTo(1);
    }

    @Test
    void aServiceUnavailableWithRetryAfterDateWaitsUntilThatDate() {
        String code = TestDepartments.newCode("U");
        String path = "/maintenance/" + code;
        Instant until = clock.instant().plus(Duration.ofMinutes(45)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String httpDate = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(until, ZoneOffset.UTC));
        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", httpDate)));
        departments().register(code, path);

        long listingId = listUnit();
        Map<String, Object> waiting = awaitFailedRounds(listingId, code, 1);

        assertThat(nextAttempt(waiting)).isBetween(until, until.plusSeconds(5));
        assertThat(calls(path)).isEqualTo(1);

        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        clock.advance(Duration.ofMinutes(46));
        awaitStatus(listingId, code, "DELIVERED");
    }

    @Test
    void aRetryAfterLongerThanTheCapWaitsTheCapAndOneShorterThanTheScheduleWaitsTheSchedule() {
        String code = TestDepartments.newCode("K");
        String path = "/long/" + code;
        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "604800")));
        departments().register(code, path);
        Instant before = clock.instant();

        long listingId = listUnit();
        Map<String, Object> capped = awaitFailedRounds(listingId, code, 1);
        // A week asked, retry-after-max (10 h) granted.
        assertThat(nextAttempt(capped)).isBetween(before.plus(Duration.ofHours(10)), clock.instant().plus(Duration.ofHours(10)));

        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")));
        clock.advance(Duration.ofHours(10).plusSeconds(1));
        Instant second = clock.instant();
        Map<String, Object> scheduled = awaitFailedRounds(listingId, code, 2);
        // 3 s asked, the schedule's second delay (5 min) kept.
        assertThat(nextAttempt(scheduled)).isBetween(second.plus(Duration.ofMinutes(5)),
                clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void aGoneEndpointIsDisabledAtOnceAdminIsToldAndNothingMoreIsPushedUntilAdminEnablesIt() {
        String code = TestDepartments.newCode("G");
        String path = "/gone/" + code;
        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(410)));
        departments().register(code, path);
        Instant before = clock.instant();

        long first = listUnit();
        Map<String, Object> waiting = awaitWaiting(first, code, before);

        // The notice is not refused, not flagged, not counted as a failed round: it waits.
        assertThat(waiting.get("flagged")).isEqualTo(false);
        assertThat(waiting.get("failed_rounds")).isEqualTo(0);
        assertThat(waiting.get("last_http_status")).isEqualTo(410);
        assertThat(calls(path)).isEqualTo(1);
        Http.Response state = endpoint(code, Api.admin());
        assertThat(state.status()).as(state.body()).isEqualTo(200);
        assertThat(state.json().get("enabled").asBoolean()).isFalse();
        assertThat(state.json().get("disabledReason").asString()).isEqualTo("GONE");
        assertThat(state.json().get("disabledAt").isNull()).isFalse();
        Http.Response events = api().get("/api/v1/departments/" + code + "/endpoint/events", Api.admin());
        assertThat(events.json()).hasSize(1);
        assertThat(events.json().get(0).get("kind").asString()).isEqualTo("DISABLED");
        assertThat(events.json().get(0).get("reason").asString()).isEqualTo("GONE");
        assertThat(events.json().get(0).get("httpStatus").asInt()).isEqualTo(410);
        Http.Response view = api().get("/api/v1/departments/" + code, Api.admin());
        assertThat(view.json().get("endpoint").get("disabledReason").asString()).isEqualTo("GONE");
        assertThat(view.json().get("enabled").asBoolean()).as("the department itself stays enabled").isTrue();

        // More notices, and days later: nothing is pushed, nothing dies.
        long second = listUnit();
        clock.advance(Duration.ofDays(2));
        Instant later = clock.instant().minus(Duration.ofMinutes(1));
        awaitWaiting(second, code, later);
        awaitWaiting(first, code, later);
        assertThat(calls(path)).isEqualTo(1);

        // ADMIN enables it again: the waiting notices go out at once, with a fresh schedule.
        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        assertThat(api().post("/api/v1/departments/" + code + "/endpoint/enable", "", Api.partner(code)).status())
                .isEqualTo(403);
        Http.Response enabled = api().post("/api/v1/departments/" + code + "/endpoint/enable", "", Api.admin());
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
        assertThat(enabled.json().get("requeued").asInt()).isEqualTo(2);
        awaitStatus(first, code, "DELIVERED");
        awaitStatus(second, code, "DELIVERED");
        assertThat(calls(path)).isEqualTo(3);
        assertThat(api().get("/api/v1/departments/" + code + "/endpoint/events", Api.admin()).json().get(0)
                .get("kind").asString()).isEqualTo("ENABLED");
        await().atMost(Duration.ofSeconds(15)).until(() -> endpoint(code, Api.admin()).json().get("lastSuccessAt") != null
                && !endpoint(code, Api.admin()).json().get("lastSuccessAt").isNull());
    }

    @Test
    void anEndpointFailingForLongerThanTheLimitIsDisabledAndItsNoticesWaitInsteadOfDying() {
        String code = TestDepartments.newCode("F");
        String path = "/failing/" + code;
        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
        departments().register(code, path);

        long listingId = listUnit();
        awaitFailedRounds(listingId, code, 1);
        Http.Response failing = endpoint(code, Api.admin());
        assertThat(failing.json().get("enabled").asBoolean()).isTrue();
        assertThat(failing.json().get("failingSince").isNull()).isFalse();

        // The round at +1 min fails: failing for 1 min, under the 30 min limit.
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        awaitFailedRounds(listingId, code, 2);
        assertThat(endpoint(code, Api.admin()).json().get("enabled").asBoolean()).isTrue();

        // 31 min after the first failure the next round fails too: the endpoint is disabled.
        clock.advance(Duration.ofMinutes(30));
        awaitFailedRounds(listingId, code, 3);
        Instant disabling = clock.instant();
        await().atMost(Duration.ofSeconds(15))
                .until(() -> !endpoint(code, Api.admin()).json().get("enabled").asBoolean());
        Http.Response disabled = endpoint(code, Api.admin());
        assertThat(disabled.json().get("disabledReason").asString()).isEqualTo("FAILING");
        assertThat(api().get("/api/v1/departments/" + code + "/endpoint/events", Api.admin()).json().get(0)
                .get("reason").asString()).isEqualTo("FAILING");

        // Its last round would have been due 10 min later (and DEAD on failing): it waits instead,
        // and so does a new notice; nothing more is sent.
        int callsWhenDisabled = calls(path);
        long later = listUnit();
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        awaitWaiting(listingId, code, disabling);
        awaitWaiting(later, code, disabling);
        assertThat(notice(listingId, code).get("failed_rounds")).isEqualTo(3);
        assertThat(calls(path)).isEqualTo(callsWhenDisabled);

        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        Http.Response enabled = api().post("/api/v1/departments/" + code + "/endpoint/enable", "", Api.admin());
        assertThat(enabled.json().get("failingSince").isNull()).as("the failure clock is reset").isTrue();
        awaitStatus(listingId, code, "DELIVERED");
        awaitStatus(later, code, "DELIVERED");
    }

    @Test
    void adminDisablesAnEndpointAndADepartmentSeesOnlyItsOwnState() {
        String code = TestDepartments.newCode("A");
        String other = TestDepartments.newCode("O");
        departments().register(code, "/admin-off/" + code);
        departments().register(other, "/admin-off/" + other);

        Http.Response disabled = api().post("/api/v1/departments/" + code + "/endpoint/disable", "", Api.admin());
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("disabledReason").asString()).isEqualTo("ADMIN");

        Http.Response own = endpoint(code, Api.partner(code));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("enabled").asBoolean()).isFalse();
        assertThat(own.json().get("pushes").asBoolean()).isTrue();
        assertThat(own.body()).doesNotContain("admin-off");
        Http.Response foreign = endpoint(code, Api.partner(other));
        assertThat(foreign.status()).isEqualTo(404);
        Http.Response absent = endpoint("NOSUCHDEPT", Api.partner(other));
        assertThat(foreign.json().get("detail").asString())
                .isEqualTo(absent.json().get("detail").asString().replace("NOSUCHDEPT", code));
        assertThat(foreign.json().get("type").asString()).isEqualTo(absent.json().get("type").asString());
        assertThat(api().get("/api/v1/departments/" + code + "/endpoint/events", Api.partner(code)).status())
                .isEqualTo(403);
        assertThat(api().post("/api/v1/departments/" + code + "/endpoint/disable", "", Api.partner(code)).status())
                .isEqualTo(403);
        assertThat(endpoint("NOSUCHDEPT", Api.admin()).status()).isEqualTo(404);

        Http.Response bad = endpoint("lower-case", Api.admin());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
        Http.Response badLimit = api().get("/api/v1/departments/" + code + "/endpoint/events?limit=0", Api.admin());
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");

        List<String> events = api().get("/api/v1/departments/" + code + "/endpoint/events", Api.admin()).json()
                .findValuesAsString("actor");
        assertThat(events).containsExactly("AWB");
    }
}
