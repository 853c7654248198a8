package cn.chongchuan.safetycredit.credit.listing.domain;

import cn.chongchuan.safetycredit.platform.rule.RuleViolation;

import java.time.LocalDate;

/** The one date rule every step shares: what a department records has happened, so it is not in the future. */
public final class Dates {

    private Dates() {
    }

    public static void requireNotFuture(LocalDate date, String field, LocalDate today) {
        if (date.isAfter(today)) {
            throw RuleViolation.invalid(field, "is in the future");
        }
    }
}
