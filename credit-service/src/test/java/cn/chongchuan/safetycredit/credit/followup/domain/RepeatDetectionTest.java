package cn.chongchuan.safetycredit.credit.followup.domain;

import cn.chongchuan.safetycredit.credit.followup.domain.RepeatDetection.Occurrence;
import cn.chongchuan.safetycredit.credit.followup.domain.RepeatDetection.ReportRow;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatDetectionTest {

    static Occurrence aCase(long id, String area, String criterion, String date) {
        return new Occurrence(id, area, criterion, LocalDate.parse(date));
    }

    @Test
    void theSameCriterionInTheSameAreaWithinTwelveMonthsIsARepeat() {
        List<Occurrence> cases = List.of(
                aCase(1, "320602", "OM11-03", "2025-01-10"),
                aCase(2, "320602", "OM11-03", "2026-01-10"),   // exactly 12 months later: repeat
                aCase(3, "320602", "OM11-03", "2027-01-11"),   // 12 months and a day after #2: not
                aCase(4, "320611", "OM11-03", "2026-01-12"),   // another area: not
                aCase(5, "320602", "OM11-04", "2026-01-13"));  // another criterion: not

        assertThat(RepeatDetection.repeats(cases, 12)).containsExactly(2L);
    }

    @Test
    void casesOnTheSameDayAreOrderedByTheirId() {
        List<Occurrence> cases = List.of(aCase(8, "320602", "OM11-03", "2026-03-01"),
                aCase(7, "320602", "OM11-03", "2026-03-01"));

        assertThat(RepeatDetection.repeats(cases, 12)).containsExactly(8L);
        assertThat(RepeatDetection.earlierInWindow(cases.get(0), cases, 12)).isEqualTo(1);
        assertThat(RepeatDetection.earlierInWindow(cases.get(1), cases, 12)).isZero();
    }

    @Test
    void theReportCountsPerMonthAndCountsCasesBeforeThePeriodOnlyToDetectRepeats() {
        List<Occurrence> cases = List.of(
                aCase(1, "320602", "OM11-03", "2024-12-20"),   // before the period: makes #2 a repeat
                aCase(2, "320602", "OM11-03", "2025-01-05"),
                aCase(3, "320602", "OM11-03", "2025-01-25"),
                aCase(4, "320602", "OM11-03", "2025-03-02"),
                aCase(5, "320602", "OM11-04", "2025-02-14"),
                aCase(6, "320611", "OM11-03", "2025-03-30"));

        List<ReportRow> rows = RepeatDetection.report(cases, YearMonth.of(2025, 1), YearMonth.of(2025, 3), 12);

        assertThat(rows).extracting(ReportRow::areaCode, ReportRow::criterionCode, ReportRow::total,
                ReportRow::repeats, ReportRow::flagged).containsExactly(
                org.assertj.core.groups.Tuple.tuple("320602", "OM11-03", 3, 3, true),
                org.assertj.core.groups.Tuple.tuple("320602", "OM11-04", 1, 0, false),
                org.assertj.core.groups.Tuple.tuple("320611", "OM11-03", 1, 0, false));
        assertThat(rows.getFirst().perMonth()).containsExactly(
                java.util.Map.entry(YearMonth.of(2025, 1), 2),
                java.util.Map.entry(YearMonth.of(2025, 2), 0),
                java.util.Map.entry(YearMonth.of(2025, 3), 1));
    }
}
