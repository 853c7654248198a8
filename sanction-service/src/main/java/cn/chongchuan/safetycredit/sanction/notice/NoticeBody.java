package cn.chongchuan.safetycredit.sanction.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON a department receives (and can fetch from its inbox): the same bytes on every retry. */
public record NoticeBody(String noticeId, String kind, String department, String eventId, String cause,
        Instant occurredAt, Listing listing, List<MeasureItem> measures, LocalDate feedbackDueOn, Instant issuedAt) {

    /**
     * The listing the notice is about; for a person only the masked ID number. A subject may be
     * listed under several cases at once: {@code otherListingsInForce} names the subject's other
     * listings that kept it on the list when the event happened, so that a department lifting the
     * measures of this listing keeps those another listing still requires.
     */
    public record Listing(long listingId, String subjectType, String subjectKey, String subjectName,
            String subjectCode, String criterionCode, String criterionTitle, String decisionNumber,
            String decidingDepartment, LocalDate listedFrom, LocalDate listedUntil, List<Long> relatedListingIds,
            List<Long> otherListingsInForce) {
    }

    /** A measure the department is asked to apply (or, at the end, to lift). */
    public record MeasureItem(String code, String title, String legalBasis) {
    }
}
