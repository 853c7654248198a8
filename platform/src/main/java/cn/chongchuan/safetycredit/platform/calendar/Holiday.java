package cn.chongchuan.safetycredit.platform.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * One holiday period of a State Council arrangement as the notice states it: its name (元旦, 春节 …),
 * its first and last day off, and the weekend days worked instead (调休, "… 上班"). Checked as part
 * of its {@link HolidayYear}, which names the field at fault; on its own it holds whatever it is given.
 *
 * @param name        the holiday as the notice names it, e.g. 国庆节、中秋节
 * @param from        first day off
 * @param to          last day off (the same day for a one-day holiday)
 * @param workingDays Saturdays and Sundays declared working days for this holiday (may be empty)
 */
public record Holiday(String name, LocalDate from, LocalDate to, List<LocalDate> workingDays) {

    public Holiday {
        // Null elements stay (and are reported by HolidayYear); List.copyOf would throw without naming the field.
        workingDays = workingDays == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(workingDays));
    }

    /** The days off, first to last. */
    public Stream<LocalDate> daysOff() {
        return from.datesUntil(to.plusDays(1));
    }
}
