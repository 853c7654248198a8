package cn.chongchuan.safetycredit.credit.listing;

import java.time.Instant;

/** One entry of a listing's append-only history: who did what, when, why, on what evidence. */
public record ListingEventRow(
        Long id,
        long listingId,
        String kind,
        String fromState,
        String toState,
        String actorDepartment,
        String actorRole,
        Instant occurredAt,
        String reason,
        String evidence) {
}
