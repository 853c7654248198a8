package cn.chongchuan.safetycredit.sanction.inbox;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The years of the holiday calendar as credit-service's outbox delivers them (docs/contracts.md),
 * over real HTTP with the service token: kept once, the newest revision only, refused when they
 * break the calendar's rules, and counted with in the next notices' feedback deadlines.
 */
@ServiceTest
class CalendarYearIntakeTest {

    private static final String PATH = "/internal/v1/calendar-years";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    private Duration savedOffset;

    @BeforeEach
    void saveClock() {
        savedOffset = clock.offset();
    }

    @AfterEach
    void restoreClock() {
        clock.restore(savedOffset);
    }

    private Api api() {
        return new Api(port);
    }

    /** A made-up year (no notice exists for it), as credit-service would send it. */
    private static String yearEvent(String eventId, int year, int revision, String nationalDayTo) {
        return """
                {"eventId":"%s","eventType":"CALENDAR_YEAR_SET","occurredAt":"2035-09-01T00:00:00Z","sequence":7,
                 "year":%d,"revision":%d,"source":"测试〔2034〕%d号",
                 "holidays":[{"name":"国庆节","from":"%d-10-01","to":"%s","workingDays":["%d-09-29","%d-10-13"]}],
                 "setBy":"AWB","reason":null}""".formatted(eventId, year, revision, revision, year, nationalDayTo, year, year);
    }

    private LocalDate dueOnOfANoticeIssuedNow() {
        long listingId = ListingEvents.newListingId();
        Http.Response response = api().post("/internal/v1/listing-events", ListingEvents.aUnitListed(listingId).json(),
                Api.service());
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return jdbc.queryForObject("SELECT DISTINCT feedback_due_on FROM notice WHERE listing_id = ?", LocalDate.class,
                listingId);
    }

    @Test
    void aYearFromCreditServiceIsKeptOnceNewestRevisionFirstAndCountedWithInTheNextNotices() {
        // Issued Friday 2035-09-28. Without the year, weekends alone: Oct 1..5, 8..12.
        clock.set(Instant.parse("2035-09-28T02:00:00Z"));
        assertThat(dueOnOfANoticeIssuedNow()).isEqualTo(LocalDate.of(2035, 10, 12));

        String first = UUID.randomUUID().toString();
        Http.Response accepted = api().post(PATH, yearEvent(first, 2035, 1, "2035-10-07"), Api.service());
        Http.Response redelivered = api().post(PATH, yearEvent(first, 2035, 1, "2035-10-07"), Api.service());

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().get("result").asString()).isEqualTo("ACCEPTED");
        assertThat(redelivered.status()).isEqualTo(200);
        assertThat(redelivered.json().get("result").asString()).isEqualTo("ALREADY_RECEIVED");
        // Sat 09-29 worked, 10-01..10-07 off, Sat 10-13 worked: Sep 29, Oct 8, 9, 10, 11, 12, 13, 15, 16, 17.
        assertThat(dueOnOfANoticeIssuedNow()).isEqualTo(LocalDate.of(2035, 10, 17));

        assertThat(api().post(PATH, yearEvent(UUID.randomUUID().toString(), 2035, 2, "2035-10-08"), Api.service())
                .status()).isEqualTo(202);
        // 10-08 off too: Sep 29, Oct 9, 10, 11, 12, 13, 15, 16, 17, 18.
        assertThat(dueOnOfANoticeIssuedNow()).isEqualTo(LocalDate.of(2035, 10, 18));

        // Revision 1 again under another event id (a late copy): taken in, but the newer revision stays.
        assertThat(api().post(PATH, yearEvent(UUID.randomUUID().toString(), 2035, 1, "2035-10-07"), Api.service())
                .status()).isEqualTo(202);
        assertThat(dueOnOfANoticeIssuedNow()).isEqualTo(LocalDate.of(2035, 10, 18));
        assertThat(jdbc.queryForObject("SELECT revision FROM calendar_year WHERE year = 2035", Integer.class)).isEqualTo(2);
    }

    @Test
    void aYearThatBreaksTheCalendarsRulesIsRefusedNamingTheFieldAndNothingIsKept() {
        String tuesday = yearEvent(UUID.randomUUID().toString(), 2046, 1, "2046-10-07")
                .replace("2046-09-29", "2046-09-25");
        Http.Response weekday = api().post(PATH, tuesday, Api.service());
        Http.Response outside = api().post(PATH, yearEvent(UUID.randomUUID().toString(), 2046, 1, "2047-01-01"),
                Api.service());
        Http.Response wrongType = api().post(PATH, yearEvent(UUID.randomUUID().toString(), 2046, 1, "2046-10-07")
                .replace("CALENDAR_YEAR_SET", "LISTING_STARTED"), Api.service());
        Http.Response noRevision = api().post(PATH, yearEvent(UUID.randomUUID().toString(), 2046, 1, "2046-10-07")
                .replace("\"revision\":1,", ""), Api.service());

        assertThat(weekday.status()).isEqualTo(400);
        JsonNode error = weekday.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("holidays[0].workingDays[0]");
        assertThat(error.get("reason").asString()).startsWith("is a Tuesday");
        assertThat(outside.json().get("errors").findValuesAsString("field")).containsExactly("holidays[0].to");
        assertThat(wrongType.json().get("errors").findValuesAsString("field")).containsExactly("eventType");
        assertThat(noRevision.json().get("errors").findValuesAsString("field")).containsExactly("revision");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendar_year WHERE year = 2046", Integer.class)).isZero();
    }

    @Test
    void onlyCreditServicesTokenDeliversAYear() {
        String event = yearEvent(UUID.randomUUID().toString(), 2046, 1, "2046-10-07");

        assertThat(api().post(PATH, event, null).status()).isEqualTo(401);
        assertThat(api().post(PATH, event, Api.admin()).status()).isEqualTo(403);
        assertThat(api().post(PATH, event, TestTokens.bearer("AJJ", "ENFORCEMENT")).status()).isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendar_year WHERE year = 2046", Integer.class)).isZero();
    }
}
