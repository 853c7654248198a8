package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.listing.ListingProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Time as the follow-up counts it: days in the district's zone ({@code credit.listing.zone}), so
 * that a visit falls overdue and supervision ends at local midnight, whatever the server's zone.
 */
@Component
class FollowUpClock {

    private final Clock clock;
    private final ListingProperties listing;

    FollowUpClock(Clock clock, ListingProperties listing) {
        this.clock = clock;
        this.listing = listing;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(listing.zone()));
    }

    Instant now() {
        return clock.instant();
    }
}
