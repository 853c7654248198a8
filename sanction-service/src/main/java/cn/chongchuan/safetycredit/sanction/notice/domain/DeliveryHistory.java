package cn.chongchuan.safetycredit.sanction.notice.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to notices day by day (Asia/Shanghai days): how many were created, delivered,
 * acknowledged, answered (complete feedback) and went DEAD on each day of a window, every day of
 * the window present, oldest first, for the delivery dashboard's chart.
 */
public final class DeliveryHistory {

    /** The events counted, as the database query names them. */
    public enum Kind { CREATED, DELIVERED, ACKNOWLEDGED, ANSWERED, DEAD }

    /** How many notices had one kind of event on one day. */
    public record DayCount(LocalDate day, String kind, long count) {
    }

    public record Day(LocalDate day, long created, long delivered, long acknowledged, long answered, long dead) {
    }

    private DeliveryHistory() {
    }

    /** The window's days from {@code first} to {@code last}, with the counts that fall on them. */
    public static List<Day> of(LocalDate first, LocalDate last, List<DayCount> counts) {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the window ends (" + last + ") before it starts (" + first + ")");
        }
        Map<LocalDate, long[]> days = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.put(day, new long[Kind.values().length]);
        }
        for (DayCount count : counts) {
            long[] day = days.get(count.day());
            if (day != null) {
                day[Kind.valueOf(count.kind()).ordinal()] += count.count();
            }
        }
        List<Day> history = new ArrayList<>(days.size());
        days.forEach((day, n) -> history.add(new Day(day, n[0], n[1], n[2], n[3], n[4])));
        return history;
    }
}
