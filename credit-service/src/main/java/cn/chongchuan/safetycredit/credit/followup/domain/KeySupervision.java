package cn.chongchuan.safetycredit.credit.followup.domain;

import java.time.LocalDate;

/** A period of key supervision (重点监管): from the first day, until the day it ends (exclusive). */
public record KeySupervision(LocalDate from, LocalDate until) {

    public KeySupervision {
        if (!until.isAfter(from)) {
            throw new IllegalArgumentException("key supervision must end after it starts");
        }
    }

    public boolean isActiveOn(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(until);
    }
}
