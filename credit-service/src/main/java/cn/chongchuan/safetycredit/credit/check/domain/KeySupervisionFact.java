package cn.chongchuan.safetycredit.credit.check.domain;

import java.time.LocalDate;

/**
 * The key supervision (重点监管, 一案五制) of a subject as far as a check cares: the period that
 * ends last, the department and the case it comes from. Informational: it never changes a status.
 */
public record KeySupervisionFact(LocalDate from, LocalDate until, String department, String caseNumber) {

    public boolean isActiveOn(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(until);
    }
}
