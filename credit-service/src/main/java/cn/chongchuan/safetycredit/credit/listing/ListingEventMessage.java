package cn.chongchuan.safetycredit.credit.listing;

import cn.chongchuan.safetycredit.credit.outbox.OutboxWriter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The event sanction-service receives when a subject goes on or off the list (docs/contracts.md).
 * A person appears only with the masked ID number and the keyed-hash subject key.
 * {@code otherListingsInForce} names the subject's other listings that keep it on the list on the
 * day of the event: a subject may be listed under several cases at once, and the end of one does
 * not end the others.
 */
public record ListingEventMessage(
        String eventId,
        String eventType,
        String cause,
        Instant occurredAt,
        long listingId,
        String subjectType,
        String subjectKey,
        String subjectName,
        String subjectCode,
        String criterionCode,
        String criterionTitle,
        String decisionNumber,
        String decidingDepartment,
        LocalDate listedFrom,
        LocalDate listedUntil,
        List<Long> relatedListingIds,
        List<Long> otherListingsInForce) implements OutboxWriter.EventPayload {

    public static final String STARTED = "LISTING_STARTED";
    public static final String ENDED = "LISTING_ENDED";

    @Override
    public ListingEventMessage withEventId(String id) {
        return new ListingEventMessage(id, eventType, cause, occurredAt, listingId, subjectType, subjectKey, subjectName,
                subjectCode, criterionCode, criterionTitle, decisionNumber, decidingDepartment, listedFrom, listedUntil,
                relatedListingIds, otherListingsInForce);
    }
}
