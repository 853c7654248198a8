package cn.chongchuan.safetycredit.credit.listing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * The time rules of the listing procedure. Defaults follow DESIGN §3; the defence period and the
 * objection answer period are not confirmed in our sources and are therefore configuration. Working
 * days are counted with the holiday calendar (credit.calendar, seeds/holidays.yaml).
 *
 * @param zone               the zone in which dates are counted (Asia/Shanghai)
 * @param defenceWorkingDays statement/defence period after the notice, in working days
 * @param listingYears       how long a listing lasts from the decision date
 * @param repairAfterMonths  how long a subject stays listed before it may apply for credit repair
 * @param objectionAnswerDays calendar days within which an objection must be answered
 * @param backdatingConfirmationDays a notice or decision dated more than this many days before
 *                           today needs the credit office's confirmation of that date
 */
@ConfigurationProperties("credit.listing")
public record ListingProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("5") int defenceWorkingDays,
        @DefaultValue("3") int listingYears,
        @DefaultValue("12") int repairAfterMonths,
        @DefaultValue("15") int objectionAnswerDays,
        @DefaultValue("30") int backdatingConfirmationDays) {

    public ListingProperties {
        if (defenceWorkingDays < 1 || listingYears < 1 || repairAfterMonths < 0 || objectionAnswerDays < 1
                || backdatingConfirmationDays < 0) {
            throw new IllegalArgumentException("credit.listing periods must be positive");
        }
    }
}
