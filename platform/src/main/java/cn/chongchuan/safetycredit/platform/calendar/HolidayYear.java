package cn.chongchuan.safetycredit.platform.calendar;

import cn.chongchuan.safetycredit.platform.calendar.InvalidHolidayYearException.Violation;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One year of the State Council's arrangement of public holidays (国务院办公厅关于某年部分节假日安排的通知):
 * its holiday periods and the weekend days worked instead, with the notice that says so. It cannot
 * be made in breach of its rules; the constructor names every field at fault:
 * <ul>
 *   <li>the year lies in {@value #FIRST_YEAR}–{@value #LAST_YEAR}; the source (the notice's document
 *       number) is given;</li>
 *   <li>at least one holiday; each has a name (no two alike), a first and a last day, both in the
 *       year (a notice that starts 元旦 on 31 December of the year before, as 2023's did, is entered
 *       from 1 January: that day off belongs to the earlier year and was a weekend), the last not
 *       before the first and at most {@value #LONGEST_HOLIDAY_DAYS} days in all, and no day in two
 *       holidays;</li>
 *   <li>each declared working day lies in the year, is a Saturday or a Sunday (a weekday is a
 *       working day already), is not a day off, and is listed once.</li>
 * </ul>
 * A holiday on a weekend is fine: that is how the notices write 与周末连休.
 *
 * @param year     the calendar year
 * @param source   where it comes from: the notice's document number, e.g. 国办发明电〔2024〕12号
 * @param holidays the holiday periods, in the notice's order
 */
public record HolidayYear(int year, String source, List<Holiday> holidays) {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;
    /** The longest holiday ever arranged was 2020's Spring Festival, extended to 10 days. */
    public static final int LONGEST_HOLIDAY_DAYS = 15;
    static final int MAX_HOLIDAYS = 20;
    static final int MAX_SOURCE_LENGTH = 200;
    static final int MAX_NAME_LENGTH = 40;

    public HolidayYear {
        List<Violation> violations = check(year, source, holidays);
        if (!violations.isEmpty()) {
            throw new InvalidHolidayYearException(violations);
        }
        source = source.strip();
        holidays = holidays.stream().map(h -> new Holiday(h.name().strip(), h.from(), h.to(), h.workingDays())).toList();
    }

    /** A year whose number may be missing (a request without one): every fault is named, the year's too. */
    public static HolidayYear of(Integer year, String source, List<Holiday> holidays) {
        if (year == null) {
            List<Violation> violations = new ArrayList<>();
            violations.add(new Violation("year", "is required"));
            violations.addAll(check(null, source, holidays));
            throw new InvalidHolidayYearException(violations);
        }
        return new HolidayYear(year, source, holidays);
    }

    /** Every day off of the year, with the name of its holiday. */
    public Map<LocalDate, String> daysOff() {
        Map<LocalDate, String> days = new HashMap<>();
        holidays.forEach(h -> h.daysOff().forEach(day -> days.put(day, h.name())));
        return days;
    }

    /** Every weekend day declared a working day, with the name of the holiday it makes up for. */
    public Map<LocalDate, String> workingWeekendDays() {
        Map<LocalDate, String> days = new HashMap<>();
        holidays.forEach(h -> h.workingDays().forEach(day -> days.put(day, h.name())));
        return days;
    }

    private static List<Violation> check(Integer year, String source, List<Holiday> holidays) {
        List<Violation> violations = new ArrayList<>();
        boolean yearKnown = year != null && year >= FIRST_YEAR && year <= LAST_YEAR;
        if (year != null && !yearKnown) {
            violations.add(new Violation("year", "must be between " + FIRST_YEAR + " and " + LAST_YEAR));
        }
        if (source == null || source.isBlank()) {
            violations.add(new Violation("source", "is required: the document number of the State Council's notice, "
                    + "e.g. 国办发明电〔2024〕12号"));
        } else if (source.strip().length() > MAX_SOURCE_LENGTH) {
            violations.add(new Violation("source", "is longer than " + MAX_SOURCE_LENGTH + " characters"));
        }
        if (holidays == null || holidays.isEmpty()) {
            violations.add(new Violation("holidays", "must list at least one holiday"));
            return violations;
        }
        if (holidays.size() > MAX_HOLIDAYS) {
            violations.add(new Violation("holidays", "lists more than " + MAX_HOLIDAYS + " holidays"));
            return violations;
        }
        Map<String, Integer> names = new HashMap<>();
        Map<LocalDate, Integer> daysOff = new HashMap<>();
        for (int i = 0; i < holidays.size(); i++) {
            Holiday holiday = holidays.get(i);
            String field = "holidays[" + i + "]";
            if (holiday == null) {
                violations.add(new Violation(field, "is required"));
                continue;
            }
            checkName(holiday.name(), field, i, names, violations);
            boolean fromOk = checkDay(holiday.from(), field + ".from", year, yearKnown, violations);
            boolean toOk = checkDay(holiday.to(), field + ".to", year, yearKnown, violations);
            if (fromOk && toOk) {
                checkPeriod(holiday, field, i, holidays, daysOff, violations);
            }
        }
        Map<LocalDate, String> declared = new HashMap<>();
        for (int i = 0; i < holidays.size(); i++) {
            Holiday holiday = holidays.get(i);
            if (holiday == null) {
                continue;
            }
            for (int k = 0; k < holiday.workingDays().size(); k++) {
                String field = "holidays[" + i + "].workingDays[" + k + "]";
                LocalDate day = holiday.workingDays().get(k);
                if (!checkDay(day, field, year, yearKnown, violations)) {
                    continue;
                }
                if (!isWeekend(day)) {
                    violations.add(new Violation(field, "is a " + dayName(day) + ", a working day already: only a "
                            + "Saturday or a Sunday can be declared a working day (调休)"));
                } else if (daysOff.containsKey(day)) {
                    violations.add(new Violation(field, "is also a day off (holidays[" + daysOff.get(day) + "]): a day "
                            + "cannot be both"));
                } else if (declared.containsKey(day)) {
                    violations.add(new Violation(field, "is listed twice (also " + declared.get(day) + ")"));
                } else {
                    declared.put(day, field);
                }
            }
        }
        return violations;
    }

    private static void checkName(String name, String field, int index, Map<String, Integer> names,
            List<Violation> violations) {
        if (name == null || name.isBlank()) {
            violations.add(new Violation(field + ".name", "is required, e.g. 春节"));
        } else if (name.strip().length() > MAX_NAME_LENGTH) {
            violations.add(new Violation(field + ".name", "is longer than " + MAX_NAME_LENGTH + " characters"));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation(field + ".name", "contains control characters"));
        } else {
            Integer earlier = names.putIfAbsent(name.strip(), index);
            if (earlier != null) {
                violations.add(new Violation(field + ".name", "is the name of holidays[" + earlier + "] too: each "
                        + "holiday once, with all its days from its first to its last"));
            }
        }
    }

    private static boolean checkDay(LocalDate day, String field, Integer year, boolean yearKnown,
            List<Violation> violations) {
        if (day == null) {
            violations.add(new Violation(field, "is required"));
            return false;
        }
        if (yearKnown && day.getYear() != year) {
            violations.add(new Violation(field, "is not in " + year));
            return false;
        }
        return yearKnown;
    }

    private static void checkPeriod(Holiday holiday, String field, int index, List<Holiday> holidays,
            Map<LocalDate, Integer> daysOff, List<Violation> violations) {
        if (holiday.to().isBefore(holiday.from())) {
            violations.add(new Violation(field + ".to", "is before its first day " + holiday.from()));
            return;
        }
        long days = ChronoUnit.DAYS.between(holiday.from(), holiday.to()) + 1;
        if (days > LONGEST_HOLIDAY_DAYS) {
            violations.add(new Violation(field + ".to", "makes a holiday of " + days + " days; at most "
                    + LONGEST_HOLIDAY_DAYS));
            return;
        }
        Integer overlapped = holiday.daysOff().map(daysOff::get).filter(i -> i != null).findFirst().orElse(null);
        if (overlapped != null) {
            violations.add(new Violation(field + ".from", "overlaps holidays[" + overlapped + "] ("
                    + holidays.get(overlapped).name() + "): a day off belongs to one holiday"));
            return;
        }
        holiday.daysOff().forEach(day -> daysOff.put(day, index));
    }

    static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String dayName(LocalDate day) {
        return day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
