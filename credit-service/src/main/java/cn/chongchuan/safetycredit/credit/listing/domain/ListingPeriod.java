package cn.chongchuan.safetycredit.credit.listing.domain;

import java.time.LocalDate;

/**
 * The time rules of a listing: it lasts {@code years} from the decision date (the last listed day
 * is the day before {@code until}); a repair may be applied for once {@code repairAfterMonths}
 * have passed.
 */
public record ListingPeriod(LocalDate from, LocalDate until) {

    public static ListingPeriod startingOn(LocalDate decisionDate, int years) {
        return new ListingPeriod(decisionDate, decisionDate.plusYears(years));
    }

    /** Whether the listing has run its course on this day (the status, whatever the job has done). */
    public boolean hasExpiredOn(LocalDate day) {
        return !day.isBefore(until);
    }

    /** The first day on which credit repair may be applied for. */
    public LocalDate repairEligibleFrom(int repairAfterMonths) {
        return from.plusMonths(repairAfterMonths);
    }
}
