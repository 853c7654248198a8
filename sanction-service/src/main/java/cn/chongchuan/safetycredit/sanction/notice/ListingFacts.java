package cn.chongchuan.safetycredit.sanction.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What a listing event says about the listing, as the fan-out needs it. */
public record ListingFacts(String eventId, String eventType, String cause, Instant occurredAt, long listingId,
        String subjectType, String subjectKey, String subjectName, String subjectCode, String criterionCode,
        String criterionTitle, String decisionNumber, String decidingDepartment, LocalDate listedFrom,
        LocalDate listedUntil, List<Long> relatedListingIds, List<Long> otherListingsInForce) {

    public ListingFacts {
        relatedListingIds = relatedListingIds == null ? List.of() : List.copyOf(relatedListingIds);
        otherListingsInForce = otherListingsInForce == null ? List.of() : List.copyOf(otherListingsInForce);
    }
}
