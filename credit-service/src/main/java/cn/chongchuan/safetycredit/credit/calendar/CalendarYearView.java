package cn.chongchuan.safetycredit.credit.calendar;

import cn.chongchuan.safetycredit.platform.calendar.Holiday;

import java.time.Instant;
import java.util.List;

/**
 * One year of the calendar with the credit office's actions on it.
 *
 * @param origin   SEED (seeds/holidays.yaml) or ADMIN (added or corrected by the credit office)
 * @param revision the ADMIN revision, null for a seeded year
 * @param setBy    the department that set it, null for a seeded year
 * @param setAt    when, null for a seeded year
 * @param history  every ADMIN action on the year, oldest first
 */
public record CalendarYearView(int year, String source, String origin, Integer revision, String setBy, Instant setAt,
                               List<Holiday> holidays, List<HistoryEntry> history) {

    /**
     * One ADMIN action: ADDED (a year the calendar lacked) or CORRECTED (it replaced the seed's or an
     * earlier revision's arrangement, named by its source, for the reason given).
     */
    public record HistoryEntry(int revision, String kind, String source, String replacedSource, String reason,
                               String department, String role, Instant at) {
    }
}
