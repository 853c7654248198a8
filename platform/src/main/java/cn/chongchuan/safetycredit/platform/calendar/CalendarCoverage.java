package cn.chongchuan.safetycredit.platform.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Which years the calendar covers, and whether the two that deadlines run into now (this year and
 * the next) are among them. A missing year is a warning, never a failure: deadlines are then
 * counted on Monday to Friday, and the service must go on working while the credit office adds
 * the year (the State Council publishes next year's arrangement in October to December).
 *
 * @param years       the covered years
 * @param currentYear this year in the district's zone
 */
public record CalendarCoverage(SortedSet<Integer> years, int currentYear) {

    public boolean currentYearCovered() {
        return years.contains(currentYear);
    }

    public boolean nextYearCovered() {
        return years.contains(currentYear + 1);
    }

    /** This year and the next, those the calendar lacks. */
    public List<Integer> missingYears() {
        List<Integer> missing = new ArrayList<>();
        if (!currentYearCovered()) {
            missing.add(currentYear);
        }
        if (!nextYearCovered()) {
            missing.add(currentYear + 1);
        }
        return missing;
    }

    /** What an operator should know and do, when a year is missing. */
    public Optional<String> warning() {
        List<Integer> missing = missingYears();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String which = missing.size() == 2 ? "the years " + missing.get(0) + " and " + missing.get(1)
                : (missing.getFirst() == currentYear ? "this year, " : "next year, ") + missing.getFirst();
        return Optional.of("the holiday calendar does not cover " + which + ": working days there are counted Monday "
                + "to Friday, without public holidays and 调休; the credit office adds the State Council's arrangement "
                + "with POST /api/v1/calendar/years");
    }
}
