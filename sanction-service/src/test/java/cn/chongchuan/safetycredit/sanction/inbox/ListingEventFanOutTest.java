package cn.chongchuan.safetycredit.sanction.inbox;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.measure.Measure;
import cn.chongchuan.safetycredit.sanction.measure.internal.MeasureMapper;
import cn.chongchuan.safetycredit.sanction.notice.ListingEvent;
import cn.chongchuan.safetycredit.sanction.notice.Notice;
import cn.chongchuan.safetycredit.sanction.notice.domain.CaseStatus;
import cn.chongchuan.safetycredit.sanction.notice.internal.NoticeMapper;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class ListingEventFanOutTest {

    @LocalServerPort
    int port;
    @Autowired
    NoticeMapper notices;
    @Autowired
    MeasureMapper measures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JsonMapper json;

    private Api api() {
        return new Api(port);
    }

    private List<Notice> noticesOf(long listingId, String kind) {
        long caseId = notices.findCaseByListingId(listingId).orElseThrow().id();
        return notices.findByCase(caseId).stream().filter(n -> n.kind().name().equals(kind)).toList();
    }

    /** What the catalogue says: department → its measures for the subject type (enabled departments). */
    private Map<String, List<String>> expectedPlan(String subjectType) {
        List<String> enabled = jdbc.queryForList(
                "SELECT code FROM department WHERE enabled AND FIND_IN_SET('PARTNER', roles) > 0", String.class);
        return measures.find(null, subjectType).stream().filter(m -> enabled.contains(m.department()))
                .collect(Collectors.groupingBy(Measure::department, TreeMap::new,
                        Collectors.mapping(Measure::code, Collectors.toList())));
    }

    @Test
    void aListedUnitGetsOneCaseAndOneNoticePerDepartmentWithAMeasureNamingThoseMeasures() {
        long listingId = ListingEvents.newListingId();

        Http.Response response = api().post("/internal/v1/listing-events",
                ListingEvents.aUnitListed(listingId).json(), Api.service());

        assertThat(response.status()).as(response.body()).isEqualTo(202);
        List<Notice> started = noticesOf(listingId, "SANCTION_START");
        Map<String, List<String>> sent = started.stream()
                .collect(Collectors.toMap(Notice::departmentCode, Notice::measureCodes, (a, b) -> a, TreeMap::new));
        assertThat(sent).isEqualTo(expectedPlan("UNIT"));
        assertThat(sent).containsKeys("XZSPJ", "ZJJ", "CZJ").doesNotContainKey("AWB");
        assertThat(sent.get("XZSPJ")).containsExactly("M-XZSPJ-01", "M-XZSPJ-02");

        JsonNode body = json.readTree(started.stream().filter(n -> n.departmentCode().equals("XZSPJ"))
                .findFirst().orElseThrow().body());
        assertThat(body.get("kind").asString()).isEqualTo("SANCTION_START");
        assertThat(body.get("listing").get("listingId").asLong()).isEqualTo(listingId);
        assertThat(body.get("listing").get("decisionNumber").asString()).isEqualTo("崇应急失信〔2026〕3号");
        assertThat(body.get("measures").findValuesAsString("code")).containsExactly("M-XZSPJ-01", "M-XZSPJ-02");
        assertThat(body.get("measures").get(0).get("title").asString()).isEqualTo("限制新增项目审批、核准");
    }

    @Test
    void aListedPersonReachesOnlyTheDepartmentsWithPersonMeasures() {
        long listingId = ListingEvents.newListingId();

        api().post("/internal/v1/listing-events", ListingEvents.aPersonListed(listingId).json(), Api.service());

        Map<String, List<String>> sent = noticesOf(listingId, "SANCTION_START").stream()
                .collect(Collectors.toMap(Notice::departmentCode, Notice::measureCodes, (a, b) -> a, TreeMap::new));
        assertThat(sent).isEqualTo(expectedPlan("PERSON"));
        assertThat(sent).containsKeys("AJJ", "SCJGJ", "KJJ").doesNotContainKeys("ZJJ", "CZJ");
        assertThat(sent.get("AJJ")).containsExactly("M-AJJ-02", "M-AJJ-04");
    }

    @Test
    void aRedeliveredEventCreatesNothingTwice() {
        long listingId = ListingEvents.newListingId();
        String event = ListingEvents.aUnitListed(listingId).json();

        Http.Response first = api().post("/internal/v1/listing-events", event, Api.service());
        int noticesAfterFirst = noticesOf(listingId, "SANCTION_START").size();
        Http.Response again = api().post("/internal/v1/listing-events", event, Api.service());

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("result").asString()).isEqualTo("ALREADY_RECEIVED");
        assertThat(noticesOf(listingId, "SANCTION_START")).hasSize(noticesAfterFirst);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM sanction_case WHERE listing_id = ?", Integer.class,
                listingId)).isEqualTo(1);
    }

    @Test
    void anEndedListingSendsEndOfSanctionNoticesToTheSameDepartments() {
        long listingId = ListingEvents.newListingId();
        api().post("/internal/v1/listing-events", ListingEvents.aUnitListed(listingId).json(), Api.service());

        Http.Response ended = api().post("/internal/v1/listing-events",
                ListingEvents.aListingEnded(listingId, "UNIT", "REPAIRED").json(), Api.service());

        assertThat(ended.status()).isEqualTo(202);
        Map<String, List<String>> starts = noticesOf(listingId, "SANCTION_START").stream()
                .collect(Collectors.toMap(Notice::departmentCode, Notice::measureCodes));
        Map<String, List<String>> ends = noticesOf(listingId, "SANCTION_END").stream()
                .collect(Collectors.toMap(Notice::departmentCode, Notice::measureCodes));
        assertThat(ends).isEqualTo(starts);
        assertThat(notices.findCaseByListingId(listingId).orElseThrow())
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(CaseStatus.ENDED);
                    assertThat(c.endCause()).isEqualTo(ListingEvent.Cause.REPAIRED);
                });
    }

    @Test
    void anEndNoticeNamesTheSubjectsOtherListingsStillInForce() {
        long listingId = ListingEvents.newListingId();
        long stillInForce = ListingEvents.newListingId();
        api().post("/internal/v1/listing-events", ListingEvents.aUnitListed(listingId).json(), Api.service());

        Http.Response ended = api().post("/internal/v1/listing-events", ListingEvents.aListingEnded(listingId, "UNIT",
                "REPAIRED").with("otherListingsInForce", List.of(stillInForce)).json(), Api.service());

        assertThat(ended.status()).as(ended.body()).isEqualTo(202);
        assertThat(noticesOf(listingId, "SANCTION_END")).isNotEmpty().allSatisfy(notice -> assertThat(
                json.readTree(notice.body()).get("listing").get("otherListingsInForce").toString())
                .isEqualTo("[" + stillInForce + "]"));
    }

    @Test
    void aRestoredListingNotifiesAgainButARepeatedStartOrEndDoesNot() {
        long listingId = ListingEvents.newListingId();
        api().post("/internal/v1/listing-events", ListingEvents.aUnitListed(listingId).json(), Api.service());
        int departments = noticesOf(listingId, "SANCTION_START").size();

        api().post("/internal/v1/listing-events", ListingEvents.aUnitListed(listingId).json(), Api.service());
        assertThat(noticesOf(listingId, "SANCTION_START")).hasSize(departments);

        api().post("/internal/v1/listing-events", ListingEvents.aListingEnded(listingId, "UNIT", "REPAIRED").json(),
                Api.service());
        api().post("/internal/v1/listing-events", ListingEvents.aListingEnded(listingId, "UNIT", "REPAIRED").json(),
                Api.service());
        assertThat(noticesOf(listingId, "SANCTION_END")).hasSize(departments);

        Http.Response restored = api().post("/internal/v1/listing-events",
                ListingEvents.aUnitListed(listingId).with("cause", "RESTORED").json(), Api.service());
        assertThat(restored.status()).isEqualTo(202);
        assertThat(noticesOf(listingId, "SANCTION_START")).hasSize(2 * departments);
        assertThat(notices.findCaseByListingId(listingId).orElseThrow().status()).isEqualTo(CaseStatus.ACTIVE);
    }

    @Test
    void onlyAServiceTokenMayDeliverEvents() {
        String event = ListingEvents.aUnitListed(ListingEvents.newListingId()).json();

        assertThat(api().post("/internal/v1/listing-events", event, null).status()).isEqualTo(401);
        assertThat(api().post("/internal/v1/listing-events", event, Api.admin()).status()).isEqualTo(403);
        assertThat(api().post("/internal/v1/listing-events", event, Api.partner("ZJJ")).status()).isEqualTo(403);
    }

    @Test
    void aMalformedEventIsRefusedNamingTheField() {
        Http.Response missing = api().post("/internal/v1/listing-events",
                ListingEvents.aUnitListed(1L).without("listingId").json(), Api.service());
        Http.Response wrongCause = api().post("/internal/v1/listing-events",
                ListingEvents.aUnitListed(ListingEvents.newListingId()).with("cause", "EXPIRED").json(), Api.service());
        Http.Response unknownType = api().post("/internal/v1/listing-events",
                ListingEvents.aUnitListed(ListingEvents.newListingId()).with("subjectType", "COMPANY").json(),
                Api.service());

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("listingId");
        assertThat(wrongCause.status()).isEqualTo(400);
        assertThat(wrongCause.json().get("errors").get(0).get("field").asString()).isEqualTo("cause");
        assertThat(unknownType.status()).isEqualTo(400);
        assertThat(unknownType.json().get("errors").get(0).get("field").asString()).isEqualTo("subjectType");
    }
}
