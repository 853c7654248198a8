package cn.chongchuan.safetycredit.credit.followup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Opens the follow-up plans of violations recorded before the follow-up existed, once at start-up.
 * Several instances may do it at once: a plan another instance opened first is skipped.
 */
@Component
class FollowUpBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FollowUpBackfill.class);

    private final FollowUpService followUps;

    FollowUpBackfill(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @Override
    public void run(ApplicationArguments args) {
        int opened = 0;
        try {
            for (int batch = followUps.openMissingPlans(200); batch > 0; batch = followUps.openMissingPlans(200)) {
                opened += batch;
            }
        } catch (DuplicateKeyException e) {
            log.info("another instance is opening the missing follow-up plans");
        }
        if (opened > 0) {
            log.info("opened {} follow-up plans of earlier violations", opened);
        }
    }
}
