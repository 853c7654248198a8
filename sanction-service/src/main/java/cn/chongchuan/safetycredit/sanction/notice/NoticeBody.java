package cn.chongchuan.safetycredit.sanction.notice;

import cn.chongchuan.safetycredit.sanction.notice.domain.NoticeKind;
import com.fasterxml.jackson.annotation.JsonIncludeProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON a department receives (and can fetch from its inbox): the same bytes on every retry.
 *
 * @param listing the listing the notice is about, as the event describes it (for a person only the
 *                masked ID number). Only the fields named here reach the departments: this is their
 *                contract, and a field credit-service adds to its event must not reach them unasked.
 *                A subject may be listed under several cases at once: {@code otherListingsInForce}
 *                names its other listings that kept it on the list when the event happened, so that a
 *                department lifting the measures of this listing keeps those another listing requires.
 */
record NoticeBody(String noticeId, NoticeKind kind, String department, String eventId, ListingEvent.Cause cause,
        Instant occurredAt,
        @JsonIncludeProperties({"listingId", "subjectType", "subjectKey", "subjectName", "subjectCode",
                "criterionCode", "criterionTitle", "decisionNumber", "decidingDepartment", "listedFrom",
                "listedUntil", "relatedListingIds", "otherListingsInForce"}) ListingEvent listing,
        List<MeasureItem> measures, LocalDate feedbackDueOn, Instant issuedAt) {

    /** A measure the department is asked to apply (or, at the end, to lift). */
    record MeasureItem(String code, String title, String legalBasis) {
    }
}
