package cn.chongchuan.safetycredit.credit.listing.domain;

import cn.chongchuan.safetycredit.platform.rule.RuleViolation;

import java.time.LocalDate;

/** A decision dated within the party's defence period, which the party has not waived in writing. */
public class DefencePeriodRunning extends RuleViolation {

    public DefencePeriodRunning(LocalDate deadline) {
        super(Kind.CONFLICT, "defence-period-running", "Defence period still running",
                "the party may state its case until " + deadline
                        + "; decide after that day, or record the party's written waiver (defenceWaived and "
                        + "waiverReference)");
        with("defenceDeadline", deadline.toString());
    }
}
