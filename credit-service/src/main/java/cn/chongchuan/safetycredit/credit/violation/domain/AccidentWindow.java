package cn.chongchuan.safetycredit.credit.violation.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * Which accidents count together under "N起以上…in M个月内" (第六条第（二）项): accidents whose dates
 * lie within M months of each other, whichever was recorded first.
 *
 * <p>A period of months is counted as 民法典 第二百零一条 and 第二百零三条 count it: it starts the day
 * after the first accident and ends at the end of the corresponding day M months later (the last day
 * of the month when that month has no such day). So accidents on 2025-03-10 and 2026-03-10 lie
 * within 12 months of each other; 2025-03-10 and 2026-03-11 do not. That is
 * {@link LocalDate#plusMonths}, and the same rule the follow-up's repeat detection applies.
 */
public final class AccidentWindow {

    private AccidentWindow() {
    }

    /**
     * The largest set of accident dates, {@code accident} among them, that lie within
     * {@code windowMonths} of each other; ties go to the earliest window. {@code others} are the
     * unit's other accidents (a date given twice is one accident).
     */
    public static List<LocalDate> countedWith(LocalDate accident, Collection<LocalDate> others, int windowMonths) {
        TreeSet<LocalDate> dates = new TreeSet<>(others);
        dates.add(accident);
        List<LocalDate> best = List.of(accident);
        for (LocalDate start : dates.headSet(accident, true)) {
            LocalDate end = start.plusMonths(windowMonths);
            if (end.isBefore(accident)) {
                continue;
            }
            List<LocalDate> window = List.copyOf(dates.subSet(start, true, end, true));
            if (window.size() > best.size()) {
                best = window;
            }
        }
        return best;
    }
}
