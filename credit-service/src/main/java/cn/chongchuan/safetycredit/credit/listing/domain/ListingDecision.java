package cn.chongchuan.safetycredit.credit.listing.domain;

import java.time.LocalDate;

/** The written listing decision (列入决定): its number and the period it lists the subject for. */
public record ListingDecision(String number, LocalDate listedFrom, LocalDate listedUntil) {

    public ListingPeriod period() {
        return new ListingPeriod(listedFrom, listedUntil);
    }
}
