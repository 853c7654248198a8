package cn.chongchuan.safetycredit.credit.calendar;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The holiday calendar's API: who may change it, what it refuses, and that an added year is counted
 * with. Tokens are minted at each call, not taken from support/Scenario: this class runs early
 * (alphabetical order), and Scenario's tokens, minted once, must still be valid for the classes
 * that use it after the long check tests.
 */
@ServiceTest
class CalendarApiTest {

    private static final String PATH = "/api/v1/calendar/years";
    /** A made-up year (no notice exists for it): National Day 10-01 to 10-07, Saturdays 09-29 and 10-13 worked. */
    private static final String YEAR_2035 = """
            {"year":2035,"source":"测试〔2034〕1号",
             "holidays":[{"name":"元旦","from":"2035-01-01","to":"2035-01-01"},
                         {"name":"国庆节","from":"2035-10-01","to":"2035-10-07","workingDays":["2035-09-29","2035-10-13"]}]}""";

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    Http http;

    @BeforeEach
    void setUp() {
        clock.set(Instant.now());
        http = Http.local(port);
    }

    private static String admin() {
        return TestTokens.bearer("AWB", "ADMIN");
    }

    @AfterEach
    void resetClock() {
        clock.set(Instant.now());
    }

    private static List<String> fields(Http.Response problem) {
        return problem.json().get("errors").findValuesAsString("field");
    }

    private static String reasonFor(Http.Response problem, String field) {
        for (JsonNode error : problem.json().get("errors")) {
            if (error.get("field").asString().equals(field)) {
                return error.get("reason").asString();
            }
        }
        throw new AssertionError("no error for " + field + " in " + problem.body());
    }

    private String defenceDeadlineServedOn(String servedOn) {
        Http.Response violation = http.postJson("/api/v1/violations",
                aViolation().decidedOn(LocalDate.parse(servedOn).minusDays(8)).json(), "Authorization",
                TestTokens.bearer("AJJ", "ENFORCEMENT"));
        assertThat(violation.status()).as(violation.body()).isEqualTo(201);
        long id = violation.json().get("listings").get(0).get("listingId").asLong();
        Http.Response notified = http.postJson("/api/v1/listings/" + id + "/notice", "{\"noticeDate\":\"" + servedOn
                + "\",\"servedOn\":\"" + servedOn + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入告知\","
                + "\"evidence\":[\"行政处罚决定书\"]}", "Authorization", TestTokens.bearer("AJJ", "ENFORCEMENT"));
        assertThat(notified.status()).as(notified.body()).isEqualTo(200);
        return notified.json().get("defenceDeadline").asString();
    }

    @Test
    void everyDepartmentReadsTheCalendarButOnlyTheCreditOfficeChangesIt() {
        for (String role : new String[] {"ENFORCEMENT", "APPROVAL", "PARTNER"}) {
            Http.Response refused = http.postJson(PATH, YEAR_2035, "Authorization", TestTokens.bearer("AJJ", role));
            assertThat(refused.status()).as(role).isEqualTo(403);
            assertThat(refused.json().get("type").asString()).isEqualTo("/problems/forbidden");
        }
        assertThat(http.postJson(PATH, YEAR_2035, "Authorization", TestTokens.publicBearer()).status()).isEqualTo(403);

        Http.Response overview = http.get(PATH, "Authorization", TestTokens.bearer("FGW", "PARTNER"));
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.json().get("years").valueStream().map(JsonNode::asInt).toList())
                .contains(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(overview.json().get("zone").asString()).isEqualTo("Asia/Shanghai");
        JsonNode y2025 = http.get(PATH + "/2025", "Authorization", TestTokens.bearer("XZSPJ", "APPROVAL")).json();
        assertThat(y2025.get("source").asString()).isEqualTo("国办发明电〔2024〕12号");
        assertThat(y2025.get("holidays").findValuesAsString("name")).contains("春节", "国庆节、中秋节");
        assertThat(http.get(PATH + "/2019", "Authorization", admin()).status()).isEqualTo(404);
    }

    @Test
    void aBadYearIsRefusedNamingEachFieldAndWhy() {
        Http.Response empty = http.postJson(PATH, "{}", "Authorization", admin());
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("type").asString()).isEqualTo("/problems/validation");
        assertThat(fields(empty)).containsExactly("year", "source", "holidays");

        Http.Response tooEarly = http.postJson(PATH, """
                {"year":1999,"source":"x","holidays":[{"name":"元旦","from":"1999-01-01","to":"1999-01-01"}]}""",
                "Authorization", admin());
        assertThat(reasonFor(tooEarly, "year")).isEqualTo("must be between 2000 and 2099");

        // 2038-01-01 is a Friday: 01-02 and 01-03 are a weekend, 01-04 a Monday.
        Http.Response days = http.postJson(PATH, """
                {"year":2038,"source":"测试",
                 "holidays":[{"name":"元旦","from":"2037-12-31","to":"2038-01-03","workingDays":["2038-01-04"]},
                             {"name":"春节","from":"2038-02-03","to":"2038-02-09","workingDays":["2038-02-06","2038-02-13"]},
                             {"name":"清明节","from":"2038-04-05","to":"2038-04-05","workingDays":["2038-02-13"]},
                             {"name":"春节","from":"2038-02-08","to":"2038-02-10"}]}""", "Authorization", admin());
        assertThat(days.status()).isEqualTo(400);
        assertThat(reasonFor(days, "holidays[0].from")).isEqualTo("is not in 2038");
        assertThat(reasonFor(days, "holidays[0].workingDays[0]")).startsWith("is a Monday, a working day already");
        assertThat(reasonFor(days, "holidays[1].workingDays[0]")).startsWith("is also a day off (holidays[1])");
        assertThat(reasonFor(days, "holidays[2].workingDays[0]")).isEqualTo("is listed twice (also holidays[1].workingDays[1])");
        assertThat(reasonFor(days, "holidays[3].name")).startsWith("is the name of holidays[1] too");
        assertThat(reasonFor(days, "holidays[3].from")).startsWith("overlaps holidays[1] (春节)");

        Http.Response malformed = http.postJson(PATH, """
                {"year":2038,"source":"测试","holidays":[{"name":"元旦","from":"2038-01-01","to":"2038-13-01"}]}""",
                "Authorization", admin());
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(fields(malformed)).containsExactly("holidays[0].to");

        Http.Response nothingToCorrect = http.postJson(PATH, """
                {"year":2038,"source":"测试","holidays":[{"name":"元旦","from":"2038-01-01","to":"2038-01-01"}],
                 "correctionReason":"更正"}""", "Authorization", admin());
        assertThat(fields(nothingToCorrect)).containsExactly("correctionReason");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendar_year WHERE year = 2038", Integer.class)).isZero();
        assertThat(http.get(PATH + "/2038", "Authorization", admin()).status()).isEqualTo(404);
    }

    @Test
    void anAddedYearIsCountedWithAtOnceGoesToTheOutboxAndKeepsWhoAddedIt() {
        clock.set(Instant.parse("2035-10-20T02:00:00Z"));
        // Served Friday 2035-09-28; before the year is added, weekends alone: Oct 1, 2, 3, 4, 5.
        assertThat(defenceDeadlineServedOn("2035-09-28")).isEqualTo("2035-10-05");

        Http.Response added = http.postJson(PATH, YEAR_2035, "Authorization", admin());

        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(added.header("Location")).isEqualTo("/api/v1/calendar/years/2035");
        assertThat(added.json().get("origin").asString()).isEqualTo("ADMIN");
        assertThat(added.json().get("revision").asInt()).isEqualTo(1);
        assertThat(added.json().get("setBy").asString()).isEqualTo("AWB");
        JsonNode history = added.json().get("history");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("kind").asString()).isEqualTo("ADDED");
        assertThat(history.get(0).get("department").asString()).isEqualTo("AWB");
        assertThat(history.get(0).get("role").asString()).isEqualTo("ADMIN");
        assertThat(history.get(0).get("at").asString()).startsWith("2035-10-20");
        // Saturday 09-29 worked, 10-01..10-07 off: Sat 29, Mon 8, Tue 9, Wed 10, Thu 11.
        assertThat(defenceDeadlineServedOn("2035-09-28")).isEqualTo("2035-10-11");
        Map<String, Object> event = jdbc.queryForMap(
                "SELECT subject_key, payload FROM outbox_event WHERE event_type = 'CALENDAR_YEAR_SET' AND subject_key = ?"
                        + " ORDER BY id DESC LIMIT 1", "CALENDAR:2035");
        assertThat((String) event.get("payload")).contains("\"year\":2035", "\"revision\":1", "\"setBy\":\"AWB\"",
                "\"workingDays\":[\"2035-09-29\",\"2035-10-13\"]");

        Http.Response again = http.postJson(PATH, YEAR_2035, "Authorization", admin());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("/problems/calendar-year-exists");
        assertThat(fields(again)).containsExactly("year");

        // Corrected: 10-08 off as well. Sat 29, Tue 9, Wed 10, Thu 11, Fri 12.
        Http.Response corrected = http.postJson(PATH, YEAR_2035.replace("2035-10-07", "2035-10-08")
                .replace("测试〔2034〕1号", "测试〔2034〕2号").replace("\"year\":2035,", "\"year\":2035,\"correctionReason\":\"通知更正：10月8日放假\","),
                "Authorization", admin());
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.json().get("revision").asInt()).isEqualTo(2);
        JsonNode correction = corrected.json().get("history").get(1);
        assertThat(correction.get("kind").asString()).isEqualTo("CORRECTED");
        assertThat(correction.get("replacedSource").asString()).isEqualTo("测试〔2034〕1号");
        assertThat(correction.get("reason").asString()).isEqualTo("通知更正：10月8日放假");
        assertThat(defenceDeadlineServedOn("2035-09-28")).isEqualTo("2035-10-12");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM calendar_year_history WHERE year = 2035", Integer.class))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE subject_key = 'CALENDAR:2035'",
                Integer.class)).isEqualTo(2);
    }

    @Test
    void aSeededYearIsRefusedWithoutAReasonAndReplacedWithOneLeavingTheSeedsSourceInTheHistory() {
        Http.Response refused = http.postJson(PATH, """
                {"year":2020,"source":"国办发明电〔2019〕16号","holidays":[{"name":"元旦","from":"2020-01-01","to":"2020-01-01"}]}""",
                "Authorization", admin());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("existingSource").asString()).startsWith("国办发明电〔2019〕16号");
        assertThat(http.get(PATH + "/2020", "Authorization", admin()).json().get("origin").asString()).isEqualTo("SEED");

        // The same arrangement entered again, as the credit office would after checking it against the notice.
        JsonNode seeded = http.get(PATH + "/2020", "Authorization", admin()).json();
        String body = "{\"year\":2020,\"source\":" + seeded.get("source") + ",\"holidays\":" + seeded.get("holidays")
                + ",\"correctionReason\":\"核对国办发明电〔2020〕1号后重新录入\"}";
        Http.Response replaced = http.postJson(PATH, body, "Authorization", admin());

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("origin").asString()).isEqualTo("ADMIN");
        assertThat(replaced.json().get("history").get(0).get("replacedSource").asString())
                .isEqualTo(seeded.get("source").asString());
        assertThat(replaced.json().get("holidays")).isEqualTo(seeded.get("holidays"));
    }

    @Test
    void aYearStoredByAnotherInstanceOrBeforeARestartIsCountedWith() {
        jdbc.update("INSERT INTO calendar_year (year, revision, source, holidays, set_by_department, set_at) "
                + "VALUES (2036, 1, '测试〔2035〕1号', ?, 'AWB', NOW(3))",
                "[{\"name\":\"元旦\",\"from\":\"2036-01-01\",\"to\":\"2036-01-01\",\"workingDays\":[]}]");

        JsonNode overview = http.get(PATH, "Authorization", admin()).json();

        assertThat(overview.get("years").valueStream().map(JsonNode::asInt).toList()).contains(2036);
        JsonNode summary = overview.get("arrangements").valueStream().filter(a -> a.get("year").asInt() == 2036)
                .findFirst().orElseThrow();
        assertThat(summary.get("origin").asString()).isEqualTo("ADMIN");
        assertThat(summary.get("daysOff").asInt()).isEqualTo(1);
    }
}
