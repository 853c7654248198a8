package cn.chongchuan.safetycredit.credit.listing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves listings whose three years are over to EXPIRED (and tells the partners through the
 * outbox). The status is already computed from the clock, so the job only makes it permanent;
 * several instances may run it at once (the rows are claimed with SKIP LOCKED).
 */
@Component
class ExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);
    private static final int BATCH = 100;

    private final ListingService listings;

    ExpiryJob(ListingService listings) {
        this.listings = listings;
    }

    @Scheduled(cron = "${credit.listing.expiry-cron:0 */10 * * * *}", zone = "${credit.listing.zone:Asia/Shanghai}")
    void expireDueListings() {
        try {
            int total = 0;
            int expired;
            do {
                expired = listings.expireDueListings(BATCH);
                total += expired;
            } while (expired == BATCH);
            if (total > 0) {
                log.info("{} listings expired", total);
            }
        } catch (RuntimeException e) {
            log.warn("expiry round failed, will retry: {}", e.getMessage());
        }
    }
}
