package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.followup.domain.FollowUpSchedule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;
import java.util.List;

/**
 * The "一案五制" follow-up. Dates are counted in the listing zone ({@code credit.listing.zone}).
 *
 * @param visitOffsets         when return visits are due after the penalty decision
 * @param keySupervisionPeriod how long the unit stays under key supervision after the decision
 * @param repeatWindowMonths   how far back an earlier case of the same area and criterion makes a repeat
 * @param reportMaxMonths      the longest period one repeat report may cover
 */
@ConfigurationProperties("credit.follow-up")
public record FollowUpProperties(
        @DefaultValue({"P1M", "P3M", "P6M"}) List<Period> visitOffsets,
        @DefaultValue("P1Y") Period keySupervisionPeriod,
        @DefaultValue("12") int repeatWindowMonths,
        @DefaultValue("36") int reportMaxMonths) {

    public FollowUpProperties {
        if (repeatWindowMonths < 1 || reportMaxMonths < 1) {
            throw new IllegalArgumentException("credit.follow-up months must be positive");
        }
        schedule(visitOffsets, keySupervisionPeriod);
    }

    public FollowUpSchedule schedule() {
        return schedule(visitOffsets, keySupervisionPeriod);
    }

    private static FollowUpSchedule schedule(List<Period> offsets, Period keySupervision) {
        return new FollowUpSchedule(offsets, keySupervision);
    }
}
