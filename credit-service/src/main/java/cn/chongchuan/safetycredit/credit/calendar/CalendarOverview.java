package cn.chongchuan.safetycredit.credit.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The calendar at a glance: the years it covers and where each comes from, and whether this year
 * and the next are among them.
 *
 * @param zone         the zone "today" is reckoned in
 * @param today        today there
 * @param years        the covered years, in order
 * @param missingYears this year and the next, those not covered
 * @param warning      what to do about them, or null
 * @param arrangements one line per covered year
 */
public record CalendarOverview(String zone, LocalDate today, List<Integer> years, List<Integer> missingYears,
                               String warning, List<YearSummary> arrangements) {

    /**
     * One covered year.
     *
     * @param origin   SEED (seeds/holidays.yaml) or ADMIN (added or corrected by the credit office)
     * @param revision the ADMIN revision, null for a seeded year
     */
    public record YearSummary(int year, String source, String origin, Integer revision, int holidays, int daysOff,
                              int workingWeekendDays) {
    }
}
