package cn.chongchuan.safetycredit.credit.followup.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Repeat detection (task 47: the same violation recurring in the same area). A case is a
 * <em>repeat</em> when an earlier case under the same criterion, against a unit of the same
 * administrative area (USCC characters 3–8), was decided within the window (default 12 months)
 * before it. Cases decided on the same day are ordered by their id.
 */
public final class RepeatDetection {

    private static final Comparator<Occurrence> ORDER =
            Comparator.comparing(Occurrence::decisionDate).thenComparingLong(Occurrence::violationId);

    private RepeatDetection() {
    }

    /** One case as the detection sees it. */
    public record Occurrence(long violationId, String areaCode, String criterionCode, LocalDate decisionDate) {

        Group group() {
            return new Group(areaCode, criterionCode);
        }
    }

    /** An administrative area and a criterion. */
    public record Group(String areaCode, String criterionCode) {
    }

    /** The ids of the cases that repeat an earlier case of their group within {@code windowMonths}. */
    public static Set<Long> repeats(List<Occurrence> occurrences, int windowMonths) {
        Set<Long> repeats = new HashSet<>();
        Map<Group, List<Occurrence>> groups = occurrences.stream()
                .collect(Collectors.groupingBy(Occurrence::group));
        for (List<Occurrence> group : groups.values()) {
            List<Occurrence> sorted = group.stream().sorted(ORDER).toList();
            for (int i = 1; i < sorted.size(); i++) {
                Occurrence previous = sorted.get(i - 1);
                Occurrence current = sorted.get(i);
                if (!previous.decisionDate().isBefore(current.decisionDate().minusMonths(windowMonths))) {
                    repeats.add(current.violationId());
                }
            }
        }
        return repeats;
    }

    /** How many earlier cases of the same group lie within the window before {@code occurrence}. */
    public static int earlierInWindow(Occurrence occurrence, List<Occurrence> others, int windowMonths) {
        LocalDate since = occurrence.decisionDate().minusMonths(windowMonths);
        return (int) others.stream()
                .filter(o -> o.violationId() != occurrence.violationId() && o.group().equals(occurrence.group()))
                .filter(o -> ORDER.compare(o, occurrence) < 0 && !o.decisionDate().isBefore(since))
                .count();
    }

    /** One line of the report: an area and a criterion, the cases per month, the repeats among them. */
    public record ReportRow(String areaCode, String criterionCode, Map<YearMonth, Integer> perMonth, int total,
                            int repeats) {

        /** Flagged: the same violation recurred in the area within the window. */
        public boolean flagged() {
            return repeats > 0;
        }
    }

    /**
     * The report over the months {@code from}..{@code to}: a row per area and criterion with at least
     * one case in those months, every month listed (zero included), sorted by area then criterion.
     * {@code occurrences} must include the cases of the window before {@code from}, which make the
     * first cases of the period repeats without being counted themselves.
     */
    public static List<ReportRow> report(List<Occurrence> occurrences, YearMonth from, YearMonth to, int windowMonths) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the report ends before it starts");
        }
        Set<Long> repeats = repeats(occurrences, windowMonths);
        Map<Group, List<Occurrence>> inPeriod = new TreeMap<>(
                Comparator.comparing(Group::areaCode).thenComparing(Group::criterionCode));
        for (Occurrence o : occurrences) {
            YearMonth month = YearMonth.from(o.decisionDate());
            if (!month.isBefore(from) && !month.isAfter(to)) {
                inPeriod.computeIfAbsent(o.group(), g -> new ArrayList<>()).add(o);
            }
        }
        List<ReportRow> rows = new ArrayList<>(inPeriod.size());
        inPeriod.forEach((group, cases) -> {
            Map<YearMonth, Integer> perMonth = new LinkedHashMap<>();
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                perMonth.put(m, 0);
            }
            cases.forEach(o -> perMonth.merge(YearMonth.from(o.decisionDate()), 1, Integer::sum));
            int repeated = (int) cases.stream().filter(o -> repeats.contains(o.violationId())).count();
            rows.add(new ReportRow(group.areaCode(), group.criterionCode(), perMonth, cases.size(), repeated));
        });
        return rows;
    }
}
