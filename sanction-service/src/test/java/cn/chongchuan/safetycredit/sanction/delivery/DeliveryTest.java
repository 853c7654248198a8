package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import cn.chongchuan.safetycredit.devstack.StandardWebhooksVerifier;
import cn.chongchuan.safetycredit.platform.tracing.TraceContexts;
import cn.chongchuan.safetycredit.sanction.delivery.internal.AttemptMapper;
import cn.chongchuan.safetycredit.sanction.department.DepartmentEndpoints;
import cn.chongchuan.safetycredit.sanction.department.DepartmentService;
import cn.chongchuan.safetycredit.sanction.department.NoticeSigner;
import cn.chongchuan.safetycredit.sanction.endpoint.EndpointPolicy;
import cn.chongchuan.safetycredit.sanction.notice.ClaimedNotice;
import cn.chongchuan.safetycredit.sanction.testing.LegacyNoticeVerifier;
import cn.chongchuan.safetycredit.sanction.testing.NoticeVerifier;
import cn.chongchuan.safetycredit.sanction.testing.PartnerEndpoints;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.sanction.testing.TestDepartments;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceTest
class DeliveryTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    DispatcherLoop loop;

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
        return jdbc.queryForMap("SELECT id, status, attempts, failed_rounds, next_attempt_at, flagged, last_reason, "
                + "last_http_status, created_at, delivered_at FROM notice WHERE listing_id = ? AND department_code = ? "
                + "AND kind = 'SANCTION_START'", listingId, department);
    }

    private List<Map<String, Object>> attempts(String noticeId) {
        return jdbc.queryForList("SELECT attempt_no, http_status, outcome, reason, dispatcher, finished_at "
                + "FROM delivery_attempt WHERE notice_id = ? ORDER BY id", noticeId);
    }

    private Map<String, Object> awaitStatus(long listingId, String department, String status) {
        await().atMost(Duration.ofSeconds(15)).until(() -> status.equals(notice(listingId, department).get("status")));
        return notice(listingId, department);
    }

    /** Waits until a failed round is written (the notice is back in the queue with its round counted). */
    private Map<String, Object> awaitFailedRounds(long listingId, String department, int rounds) {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Map<String, Object> n = notice(listingId, department);
            return ((Number) n.get("failed_rounds")).intValue() >= rounds && !"IN_FLIGHT".equals(n.get("status"));
        });
        return notice(listingId, department);
    }

    /** The partner's check with Bouncy Castle (devstack), independent of the sender's code. */
    private static StandardWebhooksVerifier.Verdict verify(List<String> secrets, List<String> publicKeys, Clock at,
            LoggedRequest request) {
        return new StandardWebhooksVerifier(secrets, publicKeys, at).check(request.getHeader("webhook-id"),
                request.getHeader("webhook-timestamp"), request.getHeader("webhook-signature"), request.getBody());
    }

    /** The Java check of docs/partner-integration.md, run on what the partner received. */
    private static NoticeVerifier.Verdict documentedCheck(NoticeVerifier verifier, LoggedRequest request)
            throws Exception {
        return verifier.check(request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                request.getHeader("webhook-signature"), request.getBody());
    }

    private static List<String> signatures(LoggedRequest request, String scheme) {
        return Arrays.stream(request.getHeader("webhook-signature").split(" "))
                .map(s -> s.substring(0, s.indexOf(','))).filter(scheme::equals).toList();
    }

    @Test
    void aDispatcherStoppedAndStartedAgainStillDelivers() {
        // Spring stops and restarts a context's lifecycle beans (the test framework does so with the
        // contexts it caches): a restarted dispatcher once refused every delivery, its workers gone.
        loop.stop();
        loop.start();
        String code = TestDepartments.newCode("A");
        departments().register(code, "/restart/" + code);

        long listingId = listUnit();

        awaitStatus(listingId, code, "DELIVERED");
        assertThat(partners.findAll(postRequestedFor(urlEqualTo("/restart/" + code)))).hasSize(1);
    }

    @Test
    void aDeliveredNoticeCarriesStandardWebhooksHeadersThatVerifyWithEitherSecretWhileTwoAreActive() throws Exception {
        String code = TestDepartments.newCode("S");
        String path = "/sig/" + code;
        String first = departments().register(code, path);
        String second = api().post("/api/v1/departments/" + code + "/secrets", "", Api.admin()).json()
                .get("secret").asString();

        long listingId = listUnit();

        Map<String, Object> delivered = awaitStatus(listingId, code, "DELIVERED");
        List<LoggedRequest> received = partners.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(received).hasSize(1);
        LoggedRequest request = received.getFirst();
        assertThat(request.getHeader("webhook-id")).isEqualTo(delivered.get("id"));
        assertThat(Long.parseLong(request.getHeader("webhook-timestamp")))
                .isCloseTo(clock.instant().getEpochSecond(), org.assertj.core.data.Offset.offset(30L));
        assertThat(request.getHeader("webhook-signature")).matches("v1,[A-Za-z0-9+/]{43}= v1,[A-Za-z0-9+/]{43}=");
        assertThat(second).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(verify(List.of(first), List.of(), clock, request)).isEqualTo(StandardWebhooksVerifier.Verdict.ACCEPT);
        assertThat(verify(List.of(second), List.of(), clock, request)).isEqualTo(StandardWebhooksVerifier.Verdict.ACCEPT);
        assertThat(verify(List.of("whsec_" + Base64.getEncoder().encodeToString(new byte[32])), List.of(), clock,
                request)).isEqualTo(StandardWebhooksVerifier.Verdict.REJECT);
        // Newest first: the second secret's signature leads.
        assertThat(new StandardWebhooksVerifier(List.of(second), List.of(), clock).verifies(request.getHeader("webhook-id"),
                request.getHeader("webhook-timestamp"), request.getHeader("webhook-signature").split(" ")[0],
                request.getBody())).isTrue();

        NoticeVerifier partner = new NoticeVerifier(List.of(second), List.of(), clock);
        assertThat(documentedCheck(partner, request)).isEqualTo(NoticeVerifier.Verdict.ACCEPT);
        assertThat(documentedCheck(partner, request)).isEqualTo(NoticeVerifier.Verdict.DUPLICATE);
        byte[] tampered = request.getBodyAsString().replace("南通", "北京").getBytes(StandardCharsets.UTF_8);
        assertThat(new StandardWebhooksVerifier(List.of(second), List.of(), clock).check(request.getHeader("webhook-id"),
                request.getHeader("webhook-timestamp"), request.getHeader("webhook-signature"), tampered))
                .isEqualTo(StandardWebhooksVerifier.Verdict.REJECT);
        assertThat(verify(List.of(second), List.of(), Clock.offset(clock, Duration.ofMinutes(10)), request))
                .as("the same request replayed ten minutes later").isEqualTo(StandardWebhooksVerifier.Verdict.REJECT);
        assertThat(request.getBodyAsString()).contains("\"listingId\":" + listingId, "M-" + code + "-01");

        Http.Response view = api().get("/api/v1/departments/" + code, Api.admin());
        assertThat(view.json().get("activeSecrets")).hasSize(2);
        assertThat(view.body()).doesNotContain(first, second);
    }

    @Test
    void theLegacyHeadersStillVerifyExactlyAsBeforeForDepartmentsNotYetSwitched() throws Exception {
        String code = TestDepartments.newCode("L");
        String path = "/legacy/" + code;
        String first = departments().register(code, path);
        String second = api().post("/api/v1/departments/" + code + "/secrets", "", Api.admin()).json()
                .get("secret").asString();

        Map<String, Object> delivered = awaitStatus(listUnit(), code, "DELIVERED");

        LoggedRequest request = partners.findAll(postRequestedFor(urlEqualTo(path))).getFirst();
        assertThat(request.getHeader("X-Notice-Id")).isEqualTo(delivered.get("id")).isEqualTo(request.getHeader("webhook-id"));
        assertThat(request.getHeader("X-Notice-Timestamp")).isEqualTo(request.getHeader("webhook-timestamp"));
        assertThat(request.getHeader("X-Notice-Signature").split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1="));
        // The legacy key: the UTF-8 bytes of the whole whsec_ string, whatever its form.
        for (String secret : List.of(first, second)) {
            assertThat(new LegacyNoticeVerifier(List.of(secret), clock).check(request.getHeader("X-Notice-Id"),
                    request.getHeader("X-Notice-Timestamp"), request.getHeader("X-Notice-Signature"), request.getBody()))
                    .isEqualTo(LegacyNoticeVerifier.Verdict.ACCEPT);
        }
    }

    @Test
    void withTheLegacyHeadersSwitchedOffOnlyTheStandardOnesAreSent(@Autowired DepartmentClient client,
            @Autowired DepartmentService registry, @Autowired NoticeSigner signer,
            @Autowired DepartmentResilience resilience, @Autowired AttemptMapper attemptMapper,
            @Autowired DeliveryProperties p, @Autowired EndpointPolicy endpoints, @Autowired TraceContexts traces,
            @Autowired DepartmentEndpoints endpointStates) {
        String code = TestDepartments.newCode("O");
        String path = "/nolegacy/" + code;
        String secret = departments().register(code, path);
        Map<String, Object> delivered = awaitStatus(listUnit(), code, "DELIVERED");
        String id = (String) delivered.get("id");
        String body = jdbc.queryForObject("SELECT body FROM notice WHERE id = ?", String.class, id);
        NoticeDelivery withoutLegacy = new NoticeDelivery(client, registry, signer, resilience, attemptMapper,
                new DeliveryProperties(p.dispatcherEnabled(), p.instanceId(), p.pollInterval(), p.batchSize(),
                        p.maxInFlight(), p.lease(), p.connectTimeout(), p.readTimeout(), p.busyRetryDelay(), p.retry(),
                        p.circuitBreaker(), p.bulkhead(), p.schedule(), p.scheduleJitter(), p.retryAfterMax(),
                        p.disableAfterFailingFor(), p.disabledEndpointRecheck(), false),
                endpoints, clock, traces, endpointStates);

        NoticeDelivery.Result again = withoutLegacy.deliver(new ClaimedNotice(id, code, body, 1, 0, null), "test");

        assertThat(again.outcome()).isEqualTo(NoticeDelivery.Outcome.DELIVERED);
        List<LoggedRequest> received = partners.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(received).hasSize(2);
        assertThat(received.getFirst().getHeader("X-Notice-Signature")).as("by default").isNotNull();
        LoggedRequest request = received.getLast();
        assertThat(request.getHeaders().keys()).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("x-notice"));
        assertThat(request.getHeader("webhook-id")).isEqualTo(id);
        assertThat(verify(List.of(secret), List.of(), clock, request)).isEqualTo(StandardWebhooksVerifier.Verdict.ACCEPT);
    }

    @Test
    void aDepartmentWithEd25519KeysVerifiesV1aWithThePublicKeyAlsoWhileRotating() throws Exception {
        String code = TestDepartments.newCode("P");
        String path = "/ed/" + code;
        String secret = departments().register(code, path);
        String firstKey = departments().addEd25519Key(code);
        Http.Response rotated = api().post("/api/v1/departments/" + code + "/ed25519-keys", "", Api.admin());
        String secondKey = rotated.json().get("publicKey").asString();
        String firstKeyId = rotated.json().get("activeKeyIds").get(1).asString();
        assertThat(secondKey).matches("whpk_[A-Za-z0-9+/]{43}=");
        assertThat(rotated.body()).doesNotContainIgnoringCase("private");

        awaitStatus(listUnit(), code, "DELIVERED");

        LoggedRequest request = partners.findAll(postRequestedFor(urlEqualTo(path))).getFirst();
        assertThat(signatures(request, "v1")).hasSize(1);
        assertThat(signatures(request, "v1a")).hasSize(2);
        assertThat(request.getHeader("webhook-signature")).startsWith("v1,");
        for (String publicKey : List.of(firstKey, secondKey)) {
            assertThat(verify(List.of(), List.of(publicKey), clock, request)).as("with only the public key " + publicKey)
                    .isEqualTo(StandardWebhooksVerifier.Verdict.ACCEPT);
            assertThat(documentedCheck(new NoticeVerifier(List.of(), List.of(publicKey), clock), request))
                    .isEqualTo(NoticeVerifier.Verdict.ACCEPT);
        }
        assertThat(verify(List.of(secret), List.of(secondKey), clock, request))
                .isEqualTo(StandardWebhooksVerifier.Verdict.ACCEPT);
        Http.Response view = api().get("/api/v1/departments/" + code, Api.admin());
        assertThat(view.json().get("ed25519Keys").findValuesAsString("publicKey")).containsExactly(secondKey, firstKey);

        // Removing the first pair: its public key no longer verifies the next notice.
        assertThat(api().delete("/api/v1/departments/" + code + "/ed25519-keys/" + firstKeyId, Api.admin()).status())
                .isEqualTo(200);
        assertThat(api().delete("/api/v1/departments/" + code + "/ed25519-keys/" + firstKeyId, Api.admin()).status())
                .isEqualTo(404);
        awaitStatus(listUnit(), code, "DELIVERED");
        LoggedRequest next = partners.findAll(postRequestedFor(urlEqualTo(path))).getLast();
        assertThat(signatures(next, "v1a")).hasSize(1);
        assertThat(verify(List.of(), List.of(firstKey), clock, next)).isEqualTo(StandardWebhooksVerifier.Verdict.REJECT);
        assertThat(verify(List.of(secret), List.of(secondKey), clock, next))
                .isEqualTo(StandardWebhooksVerifier.Verdict.ACCEPT);
    }

    @Test
    void afterTheOldSecretIsRetiredOnlyTheNewOneSigns() {
        String code = TestDepartments.newCode("R");
        String path = "/retire/" + code;
        String first = departments().register(code, path);
        Http.Response rotated = api().post("/api/v1/departments/" + code + "/secrets", "", Api.admin());
        String second = rotated.json().get("secret").asString();
        String firstKeyId = rotated.json().get("activeKeyIds").get(1).asString();

        assertThat(api().delete("/api/v1/departments/" + code + "/secrets/" + firstKeyId, Api.admin()).status())
                .isEqualTo(200);
        awaitStatus(listUnit(), code, "DELIVERED");

        LoggedRequest request = partners.findAll(postRequestedFor(urlEqualTo(path))).getFirst();
        assertThat(signatures(request, "v1")).hasSize(1);
        assertThat(verify(List.of(second), List.of(), clock, request)).isEqualTo(StandardWebhooksVerifier.Verdict.ACCEPT);
        assertThat(verify(List.of(first), List.of(), clock, request)).isEqualTo(StandardWebhooksVerifier.Verdict.REJECT);
    }

    @Test
    void aServerErrorIsRetriedWithBackoffAndThenDelivered() {
        String code = TestDepartments.newCode("E");
        String path = "/flaky/" + code;
        partners.stubFor(post(urlEqualTo(path)).inScenario(code).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        partners.stubFor(post(urlEqualTo(path)).inScenario(code).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(204)));
        departments().register(code, path);

        Map<String, Object> delivered = awaitStatus(listUnit(), code, "DELIVERED");

        List<Map<String, Object>> attempts = attempts((String) delivered.get("id"));
        assertThat(attempts).extracting(a -> a.get("http_status")).containsExactly(500, 204);
        assertThat(attempts).extracting(a -> a.get("outcome")).containsExactly("FAILED", "DELIVERED");
        assertThat(delivered.get("attempts")).isEqualTo(2);
        assertThat(delivered.get("failed_rounds")).isEqualTo(0);
    }

    @Test
    void aTimeoutFailsTheRoundAndTheNoticeWaitsForTheNextOnTheSchedule() {
        String code = TestDepartments.newCode("T");
        String path = "/slow/" + code;
        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
        departments().register(code, path);
        Instant before = clock.instant();

        long listingId = listUnit();
        Map<String, Object> waiting = awaitFailedRounds(listingId, code, 1);

        assertThat(waiting.get("status")).isEqualTo("QUEUED");
        Instant next = ((java.time.LocalDateTime) waiting.get("next_attempt_at")).toInstant(java.time.ZoneOffset.UTC);
        assertThat(next).isAfter(before.plus(Duration.ofSeconds(55))).isBefore(clock.instant().plus(Duration.ofSeconds(65)));
        List<Map<String, Object>> attempts = attempts((String) waiting.get("id"));
        assertThat(attempts).hasSize(2).allSatisfy(a -> {
            assertThat(a.get("http_status")).isNull();
            assertThat((String) a.get("reason")).startsWith("timeout");
        });
    }

    @Test
    void aConnectionResetIsRetriedOnTheScheduleUntilTheDepartmentAnswers() {
        String code = TestDepartments.newCode("C");
        String path = "/reset/" + code;
        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        departments().register(code, path);

        long listingId = listUnit();
        Map<String, Object> waiting = awaitFailedRounds(listingId, code, 1);
        assertThat((String) waiting.get("last_reason")).startsWith("connection");

        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));

        Map<String, Object> delivered = awaitStatus(listingId, code, "DELIVERED");
        assertThat(attempts((String) delivered.get("id"))).last()
                .satisfies(a -> assertThat(a.get("outcome")).isEqualTo("DELIVERED"));
    }

    @Test
    void aRefusedNoticeIsNotRetriedAndIsFlaggedForAdminWhoCanReplayIt() {
        // (A 410 Gone disables the endpoint instead: RetriesTest.)
        String code = TestDepartments.newCode("G");
        String path = "/refused/" + code;
        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(422)));
        departments().register(code, path);

        long listingId = listUnit();
        Map<String, Object> rejected = awaitStatus(listingId, code, "REJECTED");

        assertThat(rejected.get("flagged")).isEqualTo(true);
        assertThat(rejected.get("last_http_status")).isEqualTo(422);
        assertThat(partners.findAll(postRequestedFor(urlEqualTo(path)))).hasSize(1);
        String id = (String) rejected.get("id");
        assertThat(api().get("/api/v1/notices/flagged", Api.admin()).json().findValuesAsString("id")).contains(id);
        Http.Response summary = api().get("/api/v1/notices/delivery-summary", Api.admin());
        assertThat(summary.json().valueStream().filter(s -> s.get("department").asString().equals(code)).findFirst()
                .orElseThrow().get("rejected").asLong()).isEqualTo(1);

        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        assertThat(api().post("/api/v1/notices/" + id + "/replay", "", Api.partner(code)).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/notices/" + id + "/replay", "", Api.admin()).status()).isEqualTo(202);

        assertThat(awaitStatus(listingId, code, "DELIVERED").get("flagged")).isEqualTo(false);
    }

    @Test
    void aNoticeIsDeadAfterTheWholeScheduleAndAdminReplaysTheDepartmentsDeadNotices() {
        String code = TestDepartments.newCode("D");
        String path = "/down/" + code;
        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(503)));
        departments().register(code, path);
        long listingId = listUnit();

        // Schedule in tests: 1m, 5m, 10m between rounds; the fourth failed round is the last.
        List<Duration> schedule = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(10));
        for (int round = 1; round <= schedule.size(); round++) {
            assertThat(awaitFailedRounds(listingId, code, round).get("status")).isEqualTo("QUEUED");
            clock.advance(schedule.get(round - 1).plusSeconds(1));
        }
        Map<String, Object> dead = awaitStatus(listingId, code, "DEAD");
        assertThat(dead.get("failed_rounds")).isEqualTo(4);
        assertThat(dead.get("flagged")).isEqualTo(true);
        assertThat(attempts((String) dead.get("id"))).hasSize(8)
                .allSatisfy(a -> assertThat(a.get("http_status")).isEqualTo(503));

        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        Http.Response replay = api().post("/api/v1/departments/" + code + "/replay-dead", "", Api.admin());
        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.json().get("replayed").asInt()).isEqualTo(1);
        awaitStatus(listingId, code, "DELIVERED");
    }

    @Test
    void aDeadDepartmentNeverDelaysTheOthers() {
        String dead = TestDepartments.newCode("X");
        partners.stubFor(post(urlEqualTo("/blackhole/" + dead))
                .willReturn(aResponse().withStatus(200).withFixedDelay(10_000)));
        departments().register(dead, "/blackhole/" + dead);
        List<String> healthy = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            String code = TestDepartments.newCode("H");
            departments().register(code, "/fine/" + code);
            healthy.add(code);
        }

        List<Long> listings = List.of(listUnit(), listUnit(), listUnit());

        for (long listingId : listings) {
            for (String code : healthy) {
                awaitStatus(listingId, code, "DELIVERED");
            }
        }
        List<Map<String, Object>> delivered = jdbc.queryForList("SELECT created_at, delivered_at FROM notice "
                + "WHERE listing_id IN (?, ?, ?) AND status = 'DELIVERED' AND department_code LIKE 'T%H'",
                listings.get(0), listings.get(1), listings.get(2));
        // Half the black hole's 10 s: a healthy notice queued behind the dead department's call would
        // take all of it. (Not a speed target: a loaded 2-core CI machine needs over a second at times.)
        assertThat(delivered).hasSize(57).allSatisfy(n -> assertThat(Duration.between(
                ((java.time.LocalDateTime) n.get("created_at")), (java.time.LocalDateTime) n.get("delivered_at")))
                .isLessThan(Duration.ofSeconds(5)));
        // The black-holed department has not even seen its first call time out yet, or only just.
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notice WHERE department_code = ? AND status = 'DELIVERED'",
                Integer.class, dead)).isZero();
    }
}
