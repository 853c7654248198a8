package cn.chongchuan.safetycredit.platform.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Working days as Chinese administrative deadlines count them: Monday to Friday, minus the public
 * holidays, plus the weekend days declared working days (调休), year by year from the State
 * Council's arrangements. A year it does not cover counts Monday to Friday only: that is all it
 * can know, and {@link #coverage} says so, so that the operators can add the year.
 */
public final class WorkingDayCalendar {

    private final SortedSet<Integer> years;
    private final Map<Integer, HolidayYear> arrangements;
    private final Map<LocalDate, String> daysOff = new HashMap<>();
    private final Map<LocalDate, String> workingWeekendDays = new HashMap<>();

    private WorkingDayCalendar(Collection<HolidayYear> arrangements) {
        Map<Integer, HolidayYear> byYear = new TreeMap<>();
        for (HolidayYear arrangement : arrangements) {
            if (byYear.putIfAbsent(arrangement.year(), arrangement) != null) {
                throw new IllegalArgumentException("the year " + arrangement.year() + " is given twice");
            }
            daysOff.putAll(arrangement.daysOff());
            workingWeekendDays.putAll(arrangement.workingWeekendDays());
        }
        this.arrangements = Collections.unmodifiableMap(byYear);
        this.years = Collections.unmodifiableSortedSet(new TreeSet<>(byYear.keySet()));
    }

    /** The calendar of these years (one arrangement per year). */
    public static WorkingDayCalendar of(Collection<HolidayYear> arrangements) {
        return new WorkingDayCalendar(arrangements);
    }

    /** A calendar of no year: Monday to Friday are working days. */
    public static WorkingDayCalendar weekdaysOnly() {
        return new WorkingDayCalendar(java.util.List.of());
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workingWeekendDays.containsKey(day)) {
            return true;
        }
        return !HolidayYear.isWeekend(day) && !daysOff.containsKey(day);
    }

    /**
     * The last day of a period of {@code workingDays} working days counted from the day after
     * {@code start} (the day of service or of the notice does not count).
     */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("workingDays must be at least 1");
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The holiday a day off belongs to, if it is one. */
    public Optional<String> holidayOn(LocalDate day) {
        return Optional.ofNullable(daysOff.get(day));
    }

    /** The years whose arrangement this calendar holds, in order. */
    public SortedSet<Integer> years() {
        return years;
    }

    public Optional<HolidayYear> arrangement(int year) {
        return Optional.ofNullable(arrangements.get(year));
    }

    public boolean covers(int year) {
        return years.contains(year);
    }

    /** Whether every year from {@code first} to {@code last} is covered (a period counted on known days only). */
    public boolean covers(LocalDate first, LocalDate last) {
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            if (!covers(year)) {
                return false;
            }
        }
        return true;
    }

    /** What this calendar covers, seen from {@code today}. */
    public CalendarCoverage coverage(LocalDate today) {
        return new CalendarCoverage(years, today.getYear());
    }
}
