package cn.chongchuan.safetycredit.credit.followup.domain;

import java.time.LocalDate;
import java.util.Optional;

/** The date rule every follow-up step shares: it happens on or after the case's decision, and not in the future. */
public final class CaseDates {

    private CaseDates() {
    }

    /** Why {@code date} cannot be the date of a step of a case decided on {@code caseDate}; empty when it can. */
    public static Optional<String> problemWith(LocalDate date, LocalDate caseDate, LocalDate today) {
        if (date.isAfter(today)) {
            return Optional.of("is in the future");
        }
        if (date.isBefore(caseDate)) {
            return Optional.of("is before the case's penalty decision of " + caseDate);
        }
        return Optional.empty();
    }
}
