package cn.chongchuan.safetycredit.sanction.feedback;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The departments' answers ("响应—反馈") and ADMIN's follow-up; seeded departments pull their notices. */
@ServiceTest
class NoticeResponsesTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    private Api api() {
        return new Api(port);
    }

    private long listUnit() {
        return ListingEvents.listUnit(api());
    }

    private String noticeOf(long listingId, String department, String kind) {
        return jdbc.queryForObject("SELECT id FROM notice WHERE listing_id = ? AND department_code = ? AND kind = ?",
                String.class, listingId, department, kind);
    }

    private static List<String> ids(Http.Response notices) {
        assertThat(notices.status()).as(notices.body()).isEqualTo(200);
        return notices.json().valueStream().map(n -> n.get("id").asString()).toList();
    }

    private static String fieldOf(Http.Response problem) {
        return problem.json().get("errors").get(0).get("field").asString();
    }

    @Test
    void theInboxIsReadPageByPageWithSizeOrTheOlderLimit() {
        listUnit();
        listUnit();

        List<String> all = ids(api().get("/api/v1/notices?size=500", Api.partner("XZSPJ")));
        List<String> first = ids(api().get("/api/v1/notices?page=0&size=1", Api.partner("XZSPJ")));
        List<String> second = ids(api().get("/api/v1/notices?page=1&size=1", Api.partner("XZSPJ")));
        assertThat(all).hasSizeGreaterThanOrEqualTo(2);
        assertThat(first).containsExactly(all.get(0));
        assertThat(second).containsExactly(all.get(1));
        assertThat(ids(api().get("/api/v1/notices?limit=1", Api.partner("XZSPJ"))))
                .as("limit, the older name of size").isEqualTo(first);
        assertThat(fieldOf(api().get("/api/v1/notices?size=501", Api.partner("XZSPJ")))).isEqualTo("size");
        assertThat(fieldOf(api().get("/api/v1/notices/flagged?page=-1", Api.admin()))).isEqualTo("page");
    }

    @Test
    void aDepartmentSeesItsNoticeInItsInboxAcknowledgesItAndReportsPerMeasure() {
        long listingId = listUnit();
        String id = noticeOf(listingId, "XZSPJ", "SANCTION_START");

        Http.Response inbox = api().get("/api/v1/notices?status=NEW", Api.partner("XZSPJ"));
        assertThat(inbox.status()).isEqualTo(200);
        JsonNode mine = inbox.json().valueStream().filter(n -> n.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(mine.get("deliveryStatus").asString()).isEqualTo("PULL");
        assertThat(mine.get("content").get("listing").get("listingId").asLong()).isEqualTo(listingId);
        assertThat(inbox.json().findValuesAsString("department")).containsOnly("XZSPJ");

        Http.Response acknowledged = api().post("/api/v1/notices/" + id + "/ack", "", Api.partner("XZSPJ"));
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.json().get("acknowledgedAt").isNull()).isFalse();
        assertThat(api().get("/api/v1/notices?status=ACKNOWLEDGED", Api.partner("XZSPJ")).json()
                .findValuesAsString("id")).contains(id);

        Http.Response partly = api().post("/api/v1/notices/" + id + "/feedback", """
                {"outcomes":[{"measureCode":"M-XZSPJ-01","outcome":"APPLIED","referenceNumber":"崇审批〔2026〕17号",
                  "date":"2026-03-05","note":"新建仓储项目核准申请不予受理"}]}""", Api.partner("XZSPJ"));
        assertThat(partly.status()).as(partly.body()).isEqualTo(200);
        assertThat(partly.json().get("feedbackAt").isNull()).isTrue();

        Http.Response complete = api().post("/api/v1/notices/" + id + "/feedback", """
                {"outcomes":[{"measureCode":"M-XZSPJ-02","outcome":"NOT_APPLICABLE","note":"无告知承诺事项"}]}""",
                Api.partner("XZSPJ"));
        assertThat(complete.json().get("feedbackAt").isNull()).isFalse();
        assertThat(complete.json().get("feedback").findValuesAsString("outcome")).containsExactly("APPLIED", "NOT_APPLICABLE");
        assertThat(complete.json().get("feedback").get(0).get("referenceNumber").asString()).isEqualTo("崇审批〔2026〕17号");
        assertThat(api().get("/api/v1/notices?status=ANSWERED", Api.partner("XZSPJ")).json()
                .findValuesAsString("id")).contains(id);

        Http.Response caseView = api().get("/api/v1/cases/" + listingId, Api.admin());
        assertThat(caseView.status()).isEqualTo(200);
        JsonNode progress = caseView.json().get("departments").valueStream()
                .filter(d -> d.get("department").asString().equals("XZSPJ")).findFirst().orElseThrow();
        assertThat(progress.get("acknowledgedAt").isNull()).isFalse();
        assertThat(progress.get("feedback")).hasSize(2);
    }

    @Test
    void anotherDepartmentsNoticeAnswersExactlyAsANoticeThatDoesNotExist() {
        String id = noticeOf(listUnit(), "XZSPJ", "SANCTION_START");
        String feedback = """
                {"outcomes":[{"measureCode":"M-XZSPJ-01","outcome":"APPLIED","date":"2026-03-05"}]}""";

        Http.Response foreign = api().get("/api/v1/notices/" + id, Api.partner("ZJJ"));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("type").asString()).isEqualTo("/problems/not-found");
        assertThat(foreign.json().get("detail").asString()).isEqualTo("no notice " + id);
        assertThat(api().post("/api/v1/notices/" + id + "/ack", "", Api.partner("ZJJ")).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/notices/" + id + "/feedback", feedback, Api.partner("ZJJ")).status()).isEqualTo(404);
        Http.Response otherInbox = api().get("/api/v1/notices?department=XZSPJ", Api.partner("ZJJ"));
        assertThat(otherInbox.status()).isEqualTo(404);
        assertThat(otherInbox.json().get("type").asString()).isEqualTo("/problems/not-found");
        assertThat(api().get("/api/v1/notices/" + id, Api.admin()).status()).isEqualTo(200);
        // Acknowledging and answering is the department's own act; not even ADMIN does it for them.
        assertThat(api().post("/api/v1/notices/" + id + "/ack", "", Api.admin()).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/notices/" + id + "/ack", "", TestTokens.bearer("XZSPJ", "APPROVAL")).status())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("SELECT acknowledged_at FROM notice WHERE id = ?", Object.class, id)).isNull();
    }

    @Test
    void badFeedbackIsRefusedNamingTheField() {
        long listingId = listUnit();
        String id = noticeOf(listingId, "XZSPJ", "SANCTION_START");
        String path = "/api/v1/notices/" + id + "/feedback";
        String partner = Api.partner("XZSPJ");

        Http.Response lifted = api().post(path, """
                {"outcomes":[{"measureCode":"M-XZSPJ-01","outcome":"LIFTED","date":"2026-03-05"}]}""", partner);
        Http.Response foreign = api().post(path, """
                {"outcomes":[{"measureCode":"M-ZJJ-01","outcome":"APPLIED","date":"2026-03-05"}]}""", partner);
        Http.Response undated = api().post(path, """
                {"outcomes":[{"measureCode":"M-XZSPJ-01","outcome":"APPLIED"}]}""", partner);
        Http.Response unknownOutcome = api().post(path, """
                {"outcomes":[{"measureCode":"M-XZSPJ-01","outcome":"DONE","date":"2026-03-05"}]}""", partner);
        Http.Response empty = api().post(path, "{\"outcomes\":[]}", partner);
        Http.Response badId = api().post("/api/v1/notices/not-a-notice/feedback", "{\"outcomes\":[]}", partner);
        Http.Response unknownNotice = api().post("/api/v1/notices/00000000-0000-4000-8000-000000000000/ack", "", partner);

        assertThat(lifted.status()).isEqualTo(400);
        assertThat(fieldOf(lifted)).isEqualTo("outcomes[0].outcome");
        assertThat(fieldOf(foreign)).isEqualTo("outcomes[0].measureCode");
        assertThat(fieldOf(undated)).isEqualTo("outcomes[0].date");
        assertThat(unknownOutcome.status()).isEqualTo(400);
        assertThat(fieldOf(unknownOutcome)).isEqualTo("outcomes[0].outcome");
        assertThat(fieldOf(empty)).isEqualTo("outcomes");
        assertThat(badId.status()).isEqualTo(400);
        assertThat(unknownNotice.status()).isEqualTo(404);
    }

    @Test
    void anEndOfSanctionNoticeIsAnsweredWithLiftedMeasures() {
        long listingId = listUnit();
        api().post("/internal/v1/listing-events", ListingEvents.aListingEnded(listingId, "UNIT", "EXPIRED").json(),
                Api.service());
        String id = noticeOf(listingId, "CZJ", "SANCTION_END");

        Http.Response applied = api().post("/api/v1/notices/" + id + "/feedback", """
                {"outcomes":[{"measureCode":"M-CZJ-01","outcome":"APPLIED","date":"2029-03-02"}]}""", Api.partner("CZJ"));
        Http.Response lifted = api().post("/api/v1/notices/" + id + "/feedback", """
                {"outcomes":[{"measureCode":"M-CZJ-01","outcome":"LIFTED","date":"2029-03-02"}]}""", Api.partner("CZJ"));

        assertThat(applied.status()).isEqualTo(400);
        assertThat(lifted.status()).isEqualTo(200);
        assertThat(lifted.json().get("feedbackAt").isNull()).isFalse();
    }

    @Test
    void feedbackNotInByTheDeadlineIsListedForAdmin() {
        long listingId = listUnit();
        String unanswered = noticeOf(listingId, "CZJ", "SANCTION_START");
        String answered = noticeOf(listingId, "ZRGHFJ", "SANCTION_START");
        api().post("/api/v1/notices/" + answered + "/feedback", """
                {"outcomes":[{"measureCode":"M-ZRGHFJ-01","outcome":"APPLIED","date":"2026-03-05"}]}""",
                Api.partner("ZRGHFJ"));

        assertThat(api().get("/api/v1/notices/overdue?size=1000", Api.admin()).json().findValuesAsString("id"))
                .doesNotContain(unanswered);
        // Past the notice's due day, whatever holidays its ten working days ran across.
        LocalDate dueOn = jdbc.queryForObject("SELECT feedback_due_on FROM notice WHERE id = ?", LocalDate.class, unanswered);
        clock.advance(Duration.ofDays(ChronoUnit.DAYS.between(LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")),
                dueOn) + 1));

        // Other test classes' notices are overdue too by now: read the whole list (at most 1,000 a page).
        Http.Response overdue = api().get("/api/v1/notices/overdue?size=1000", Api.admin());
        assertThat(overdue.status()).isEqualTo(200);
        assertThat(overdue.json().findValuesAsString("id")).contains(unanswered).doesNotContain(answered);
        assertThat(api().get("/api/v1/notices/overdue", Api.partner("CZJ")).status()).isEqualTo(403);
    }

    @Test
    void theCaseViewIsForAdminAndEnforcementAndNamesBadListingIds() {
        long listingId = listUnit();

        assertThat(api().get("/api/v1/cases/" + listingId, TestTokens.bearer("AJJ", "ENFORCEMENT")).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/cases/" + listingId, Api.partner("CZJ")).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/cases/" + (listingId + 1_000_000_000L), Api.admin()).status()).isEqualTo(404);
        Http.Response bad = api().get("/api/v1/cases/0", Api.admin());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fieldOf(bad)).isEqualTo("listingId");
    }

    @Test
    void anEnforcementDepartmentSeesInACaseOnlyItsOwnNoticesWhileAdminSeesEveryDepartment() {
        long listingId = listUnit();

        Http.Response asZjj = api().get("/api/v1/cases/" + listingId, TestTokens.bearer("ZJJ", "ENFORCEMENT"));
        Http.Response asAdmin = api().get("/api/v1/cases/" + listingId, Api.admin());

        assertThat(asZjj.status()).as(asZjj.body()).isEqualTo(200);
        assertThat(asZjj.json().get("departments").findValuesAsString("department")).isNotEmpty().containsOnly("ZJJ");
        assertThat(asAdmin.json().get("departments").findValuesAsString("department"))
                .contains("ZJJ", "XZSPJ", "CZJ", "AJJ");
    }

    @Test
    void theDepartmentThatDecidedTheListingFollowsEveryDepartmentOfItsCase() {
        long listingId = listUnit();

        Http.Response asDecider = api().get("/api/v1/cases/" + listingId, TestTokens.bearer("AJJ", "ENFORCEMENT"));

        assertThat(asDecider.status()).as(asDecider.body()).isEqualTo(200);
        assertThat(asDecider.json().get("departments").findValuesAsString("department"))
                .contains("ZJJ", "XZSPJ", "CZJ", "AJJ");
    }

    @Test
    void aCaseWithoutTheDepartmentsNoticeAnswersExactlyAsACaseThatDoesNotExist() {
        long listingId = listUnit();
        long absent = listingId + 1_000_000_000L;
        String outsider = TestTokens.bearer("TNONE", "ENFORCEMENT");

        Http.Response foreign = api().get("/api/v1/cases/" + listingId, outsider);
        Http.Response missing = api().get("/api/v1/cases/" + absent, outsider);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("type").asString()).isEqualTo(missing.json().get("type").asString());
        assertThat(foreign.json().get("detail").asString())
                .isEqualTo(missing.json().get("detail").asString().replace(String.valueOf(absent), String.valueOf(listingId)));
    }
}
