package cn.chongchuan.safetycredit.credit.check.domain;

import cn.chongchuan.safetycredit.credit.listing.domain.ListingPeriod;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingState;

import java.time.LocalDate;

/**
 * One listing of a subject as far as a check cares: its stored state and the basis of the
 * decision. The dates, not a stored flag, say whether a listed subject is still listed today.
 */
public record ListingFact(
        long listingId,
        ListingState state,
        String criterionCode,
        String department,
        String decisionNumber,
        LocalDate listedFrom,
        LocalDate listedUntil) {

    /** Whether this listing keeps the subject on the blacklist on {@code day}. */
    public boolean listsOn(LocalDate day) {
        return state.isOnList() && listedFrom != null && listedUntil != null
                && !day.isBefore(listedFrom) && !new ListingPeriod(listedFrom, listedUntil).hasExpiredOn(day);
    }

    /** Whether a listing is under way (proposed or notified, not yet decided). */
    public boolean isPending() {
        return state == ListingState.PROPOSED || state == ListingState.NOTIFIED;
    }

    /** Whether a check still needs to know about this listing (ended ones never change an answer). */
    public boolean isRelevant() {
        return state.isOnList() || isPending();
    }

    public ListingFact withState(ListingState other) {
        return new ListingFact(listingId, other, criterionCode, department, decisionNumber, listedFrom, listedUntil);
    }
}
