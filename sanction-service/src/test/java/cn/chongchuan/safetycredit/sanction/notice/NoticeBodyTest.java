package cn.chongchuan.safetycredit.sanction.notice;

import cn.chongchuan.safetycredit.sanction.notice.domain.NoticeKind;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The notice body is the departments' contract: its bytes are signed, and they never change shape unasked. */
class NoticeBodyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void aNoticeShowsTheListingPartOfTheEventAndNothingElseOfIt() {
        ListingEvent event = ListingEvents.aUnitListed(123)
                .with("eventId", "6F1C0C7E-3D0F-4A51-9D52-0C8F6B0F2A11")
                .with("occurredAt", "2026-03-01T08:00:00Z")
                .with("subjectKey", "U:91320602MA1N2X3Y4Q").with("subjectName", "南通某某化工有限公司")
                .with("subjectCode", "91320602MA1N2X3Y4Q").without("criterionTitle").without("listedUntil")
                .with("relatedListingIds", List.of(124)).event();

        String body = JSON.writeValueAsString(new NoticeBody("3b0d6c1e-8f0a-4d55-9a1c-6f0e2b7c9d41",
                NoticeKind.SANCTION_START, "XZSPJ", event.normalisedEventId(), event.cause(), event.occurredAt(), event,
                List.of(new NoticeBody.MeasureItem("M-XZSPJ-01", "限制新增项目审批、核准", "《…》第十条")),
                LocalDate.parse("2026-03-13"), Instant.parse("2026-03-01T08:00:01.204Z")));

        // The JSON the notice body had when the listing part was a record of its own (NoticeBody.Listing).
        assertThat(body).isEqualTo("{\"noticeId\":\"3b0d6c1e-8f0a-4d55-9a1c-6f0e2b7c9d41\",\"kind\":\"SANCTION_START\","
                + "\"department\":\"XZSPJ\",\"eventId\":\"6f1c0c7e-3d0f-4a51-9d52-0c8f6b0f2a11\",\"cause\":\"LISTED\","
                + "\"occurredAt\":\"2026-03-01T08:00:00Z\",\"listing\":{\"listingId\":123,\"subjectType\":\"UNIT\","
                + "\"subjectKey\":\"U:91320602MA1N2X3Y4Q\",\"subjectName\":\"南通某某化工有限公司\","
                + "\"subjectCode\":\"91320602MA1N2X3Y4Q\",\"criterionCode\":\"OM11-03\",\"criterionTitle\":null,"
                + "\"decisionNumber\":\"崇应急失信〔2026〕3号\",\"decidingDepartment\":\"AJJ\",\"listedFrom\":\"2026-03-01\","
                + "\"listedUntil\":null,\"relatedListingIds\":[124],\"otherListingsInForce\":[]},"
                + "\"measures\":[{\"code\":\"M-XZSPJ-01\",\"title\":\"限制新增项目审批、核准\",\"legalBasis\":\"《…》第十条\"}],"
                + "\"feedbackDueOn\":\"2026-03-13\",\"issuedAt\":\"2026-03-01T08:00:01.204Z\"}");
    }
}
