package cn.chongchuan.safetycredit.sanction.notice.internal;

import cn.chongchuan.safetycredit.sanction.notice.ListingEvent;
import cn.chongchuan.safetycredit.sanction.notice.domain.CaseStatus;

import java.time.Instant;
import java.util.stream.Collectors;

/**
 * A sanction case as the fan-out opens it, from the event that named the listing first: ACTIVE for
 * a start, or already ENDED when the first event to arrive is an end (the start never reached us).
 */
public record NewCase(ListingEvent listing, CaseStatus status, Instant openedAt) {

    /** The joint-liability links, comma-separated as the column keeps them; none is NULL. */
    public String relatedListingIds() {
        String ids = listing.relatedListingIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        return ids.isEmpty() ? null : ids;
    }

    public ListingEvent.Cause endCause() {
        return status == CaseStatus.ENDED ? listing.cause() : null;
    }

    public Instant endedAt() {
        return status == CaseStatus.ENDED ? openedAt : null;
    }
}
