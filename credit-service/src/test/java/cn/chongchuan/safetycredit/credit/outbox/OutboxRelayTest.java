package cn.chongchuan.safetycredit.credit.outbox;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.support.Scenario;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The relay against a real HTTP server standing in for sanction-service. */
@ServiceTest
class OutboxRelayTest {

    static final WireMockServer sanction = new WireMockServer(options().dynamicPort());
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    Scenario scenario;

    @BeforeAll
    static void start() {
        sanction.start();
    }

    @AfterAll
    static void stop() {
        sanction.stop();
    }

    @DynamicPropertySource
    static void relayToWireMock(DynamicPropertyRegistry registry) {
        registry.add("credit.relay.url", sanction::baseUrl);
        registry.add("credit.relay.enabled", () -> "true");
        registry.add("credit.relay.initial-backoff", () -> "PT0.1S");
        registry.add("credit.relay.max-backoff", () -> "PT0.5S");
    }

    @BeforeEach
    void setUp() {
        sanction.resetAll();
        sanction.stubFor(post(urlEqualTo("/internal/v1/listing-events")).willReturn(aResponse().withStatus(202)));
        sanction.stubFor(post(urlEqualTo("/internal/v1/calendar-years")).willReturn(aResponse().withStatus(202)));
        scenario = new Scenario(Http.local(port));
    }

    private long listUnit() {
        long id = Scenario.unitListing(scenario.violation(aViolation()));
        scenario.list(id, LocalDate.now());
        return id;
    }

    /** Requests received for the listing, oldest first (WireMock lists the newest first). */
    private List<JsonNode> received(long listingId) {
        return sanction.getAllServeEvents().reversed().stream()
                .map(ServeEvent::getRequest)
                .map(r -> r.getBodyAsString())
                // a request cut off by an injected connection reset is journalled without its body
                .filter(body -> body != null && !body.isBlank())
                .map(JSON::readTree)
                .filter(body -> body.path("listingId").asLong() == listingId)
                .toList();
    }

    @Test
    void aListingEventReachesSanctionServiceSignedAsTheService() {
        long id = listUnit();

        await().atMost(Duration.ofSeconds(10)).until(() -> !received(id).isEmpty());
        JsonNode event = received(id).getFirst();
        assertThat(event.get("eventType").asString()).isEqualTo("LISTING_STARTED");
        assertThat(event.get("cause").asString()).isEqualTo("LISTED");
        assertThat(event.get("eventId").asString()).hasSize(36);
        assertThat(event.get("sequence").asLong()).isPositive();
        assertThat(event.get("relatedListingIds")).hasSize(1);
        String authorization = sanction.getAllServeEvents().getFirst().getRequest().getHeader("Authorization");
        var jwt = new cn.chongchuan.safetycredit.platform.token.InternalTokens(
                new cn.chongchuan.safetycredit.platform.token.InternalTokenProperties(TestTokens.SECRET,
                        "safety-credit-gateway", Duration.ofSeconds(60)), java.time.Clock.systemUTC())
                .decoder().decode(authorization.substring("Bearer ".length()));
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("SERVICE");
    }

    @Test
    void theTimeFromCommitToDeliveryIsMeasured() {
        Timer lag = meters.get("credit.outbox.relay.lag").timer();
        long deliveredBefore = lag.count();

        long id = listUnit();

        await().atMost(Duration.ofSeconds(10)).until(() -> !received(id).isEmpty());
        await().atMost(Duration.ofSeconds(5)).until(() -> lag.count() > deliveredBefore);
        assertThat(lag.max(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void anOutageAndServerErrorsAreRetriedUntilDelivered() {
        sanction.stubFor(post(urlEqualTo("/internal/v1/listing-events")).inScenario("flaky")
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("500"));
        sanction.stubFor(post(urlEqualTo("/internal/v1/listing-events")).inScenario("flaky")
                .whenScenarioStateIs("500").willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        sanction.stubFor(post(urlEqualTo("/internal/v1/listing-events")).inScenario("flaky")
                .whenScenarioStateIs("ok").willReturn(aResponse().withStatus(202)));

        long id = listUnit();

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_event WHERE published_at IS NOT NULL AND payload LIKE ?", Integer.class,
                "%\"listingId\":" + id + ",%") == 1);
        assertThat(sanction.getAllServeEvents()).hasSizeGreaterThanOrEqualTo(3);
        List<JsonNode> attempts = received(id);
        assertThat(attempts.stream().map(e -> e.get("eventId").asString()).distinct()).hasSize(1);
    }

    @Test
    void anEventTheReceiverCallsMalformedIsParkedNotRetried() {
        sanction.stubFor(post(urlEqualTo("/internal/v1/listing-events"))
                .withRequestBody(matchingJsonPath("$.eventType", equalTo("LISTING_STARTED")))
                .willReturn(aResponse().withStatus(400)));

        long id = listUnit();

        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_event WHERE parked_at IS NOT NULL AND payload LIKE ?", Integer.class,
                "%\"listingId\":" + id + ",%") == 1);
        assertThat(received(id)).hasSize(1);
    }

    @Test
    void aSubjectsEventsArriveInOrder() {
        long id = listUnit();
        Http http = Http.local(port);
        http.postJson("/api/v1/listings/" + id + "/revocation", "{\"reason\":\"错误\"}", "Authorization", Scenario.ADMIN);

        await().atMost(Duration.ofSeconds(10)).until(() -> received(id).size() >= 2);
        assertThat(received(id).stream().map(e -> e.get("eventType").asString()))
                .containsExactly("LISTING_STARTED", "LISTING_ENDED");
    }

    @Test
    void aYearAddedToTheHolidayCalendarGoesToSanctionServicesCalendarIntake() {
        Http.Response added = Http.local(port).postJson("/api/v1/calendar/years", """
                {"year":2037,"source":"测试〔2036〕1号",
                 "holidays":[{"name":"国庆节","from":"2037-10-01","to":"2037-10-07","workingDays":["2037-09-27","2037-10-10"]}]}""",
                "Authorization", Scenario.ADMIN);
        assertThat(added.status()).as(added.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> !calendarEvents(2037).isEmpty());
        JsonNode event = calendarEvents(2037).getFirst();
        assertThat(event.get("eventType").asString()).isEqualTo("CALENDAR_YEAR_SET");
        assertThat(event.get("eventId").asString()).hasSize(36);
        assertThat(event.get("sequence").asLong()).isPositive();
        assertThat(event.get("revision").asInt()).isEqualTo(1);
        assertThat(event.get("source").asString()).isEqualTo("测试〔2036〕1号");
        assertThat(event.get("holidays").get(0).get("workingDays").toString()).isEqualTo("[\"2037-09-27\",\"2037-10-10\"]");
        assertThat(event.get("setBy").asString()).isEqualTo("AWB");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM outbox_event WHERE subject_key = 'CALENDAR:2037' AND published_at IS NOT NULL",
                Integer.class) == 1);
    }

    /** Calendar events received for the year, oldest first. */
    private List<JsonNode> calendarEvents(int year) {
        return sanction.getAllServeEvents().reversed().stream()
                .filter(e -> e.getRequest().getUrl().equals("/internal/v1/calendar-years"))
                .map(e -> JSON.readTree(e.getRequest().getBodyAsString()))
                .filter(body -> body.path("year").asInt() == year)
                .toList();
    }

    @Test
    void severalRelaysOnOneDatabaseNeverSendTheSameEventTwice() throws Exception {
        sanction.stubFor(post(urlEqualTo("/internal/v1/listing-events"))
                .willReturn(aResponse().withStatus(202).withFixedDelay(50)));
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(Scenario.unitListing(scenario.violation(aViolation())));
        }
        ids.forEach(id -> scenario.list(id, LocalDate.now()));

        try (var pool = Executors.newFixedThreadPool(3)) {
            Callable<Integer> round = relay::relayOnce;
            pool.invokeAll(List.of(round, round, round));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> ids.stream().allMatch(id -> received(id).size() == 1));
        for (long id : ids) {
            assertThat(received(id)).as("listing %d", id).hasSize(1);
        }
    }
}
