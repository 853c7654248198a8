package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subject listed under two cases (issue 12, point 3): the second lawful listing is decided, not
 * refused; the check rests on both; the end of one — revoked, or its three years over — leaves the
 * other in force, and the end event names the listing that still holds the subject.
 */
@ServiceTest
class SeveralListingsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    Http http;
    CheckScenario scenario;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
        scenario = new CheckScenario(http);
        clock.set(Instant.now());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    /** The unit listed first under a case 200 days ago, then under a second case today. */
    private record TwoCases(String uscc, long first, long second) {
    }

    private TwoCases listedUnderTwoCases(String name) {
        String uscc = ViolationFixture.CODES.uscc("320602");
        Instant now = clock.instant();
        clock.set(now.minus(Duration.ofDays(200)));
        long first = CheckScenario.unitListing(scenario.violation(aViolation().unit(uscc, name)
                .decidedOn(today().minusDays(10))));
        scenario.list(first, today());
        clock.set(now);
        long second = CheckScenario.unitListing(scenario.violation(aViolation().unit(uscc, name)
                .decidedOn(today().minusDays(10))));
        scenario.list(second, today());
        return new TwoCases(uscc, first, second);
    }

    @Test
    void aSecondCaseListsTheSubjectAgainAndTheCheckRestsOnBoth() {
        String name = "两案列入公司" + System.nanoTime() % 1_000_000_000L;
        TwoCases cases = listedUnderTwoCases(name);

        JsonNode answer = check(cases.uscc());

        assertThat(answer.get("status").asString()).isEqualTo("LISTED");
        assertThat(answer.get("basis").get("listingId").asLong()).as("the longest lasting first").isEqualTo(cases.second());
        assertThat(answer.get("bases")).extracting(b -> b.get("listingId").asLong())
                .containsExactly(cases.second(), cases.first());
        assertThat(answer.get("bases")).allSatisfy(b -> {
            assertThat(b.get("subjectType").asString()).isEqualTo("UNIT");
            assertThat(b.get("decisionNumber").asString()).isNotBlank();
        });
        String signed = answer.get("receipt").get("signedText").asString();
        assertThat(signed).startsWith("safety-credit-check-receipt/3\n")
                .contains("\nlistingId:" + cases.second() + "\n", "\notherBases:1\n",
                        "\notherBasis:" + cases.first() + " UNIT OM11-03 AJJ " + today().minusDays(200) + " ");
        assertThat(http.getPublic("/api/v1/public/listings?code=" + cases.uscc()).json().get("total").asLong())
                .as("both decisions are published").isEqualTo(2);
    }

    @Test
    void revokingOneListingLeavesTheOtherInForceAndTheEndEventSaysSo() {
        String name = "撤销一案公司" + System.nanoTime() % 1_000_000_000L;
        TwoCases cases = listedUnderTwoCases(name);

        scenario.revoke(cases.second());

        JsonNode answer = check(cases.uscc());
        assertThat(answer.get("status").asString()).isEqualTo("LISTED");
        assertThat(answer.get("basis").get("listingId").asLong()).isEqualTo(cases.first());
        assertThat(answer.get("bases")).hasSize(1);
        assertThat(answer.get("receipt").get("signedText").asString()).contains("\notherBases:0\n");
        JsonNode ended = endEvent(cases.second());
        assertThat(ended.get("cause").asString()).isEqualTo("REVOKED");
        assertThat(ended.get("otherListingsInForce").toString()).isEqualTo("[" + cases.first() + "]");

        scenario.revoke(cases.first());

        assertThat(check(cases.uscc()).get("status").asString()).isEqualTo("CLEAR");
        assertThat(endEvent(cases.first()).get("otherListingsInForce").toString())
                .as("the last one ends: nothing holds the subject any more").isEqualTo("[]");
    }

    @Test
    void whenTheFirstListingsThreeYearsAreOverTheSecondStillLists() {
        String name = "先到期公司" + System.nanoTime() % 1_000_000_000L;
        TwoCases cases = listedUnderTwoCases(name);

        clock.advance(Duration.ofDays(3 * 365 - 190));

        JsonNode answer = check(cases.uscc());
        assertThat(answer.get("status").asString()).isEqualTo("LISTED");
        assertThat(answer.get("bases")).extracting(b -> b.get("listingId").asLong()).containsExactly(cases.second());
    }

    private JsonNode check(String code) {
        Http.Response response = http.postJson("/api/v1/checks/single", "{\"code\":\"" + code + "\"}",
                "Authorization", CheckScenario.xzspj());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode endEvent(long listingId) {
        List<String> payloads = jdbc.queryForList("SELECT payload FROM outbox_event WHERE event_type = 'LISTING_ENDED' "
                + "ORDER BY id DESC", String.class);
        return payloads.stream().map(JSON::readTree).filter(p -> p.get("listingId").asLong() == listingId)
                .findFirst().orElseThrow(() -> new AssertionError("no end event for listing " + listingId));
    }
}
