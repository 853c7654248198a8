package cn.chongchuan.safetycredit.credit.followup.domain;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FollowUpRulesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final FollowUpSchedule DEFAULT = new FollowUpSchedule(List.of(Period.ofMonths(1), Period.ofMonths(3),
            Period.ofMonths(6)), Period.ofYears(1));

    static LocalDate todayAt(String instant) {
        return LocalDate.now(Clock.fixed(Instant.parse(instant), SHANGHAI));
    }

    @Test
    void visitsAreDueOneThreeAndSixMonthsAfterTheDecisionClampedToTheMonthEnd() {
        assertThat(DEFAULT.visitsFor(LocalDate.of(2026, 1, 31)))
                .extracting(Visit::n, Visit::dueOn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, LocalDate.of(2026, 2, 28)),
                        org.assertj.core.groups.Tuple.tuple(2, LocalDate.of(2026, 4, 30)),
                        org.assertj.core.groups.Tuple.tuple(3, LocalDate.of(2026, 7, 31)));
    }

    @Test
    void configuredOffsetsAreNumberedInTheOrderOfTheirDueDays() {
        FollowUpSchedule schedule = new FollowUpSchedule(List.of(Period.ofMonths(2), Period.ofDays(10)), Period.ofMonths(6));

        assertThat(schedule.visitsFor(LocalDate.of(2026, 3, 1))).extracting(Visit::dueOn)
                .containsExactly(LocalDate.of(2026, 3, 11), LocalDate.of(2026, 5, 1));
        assertThatThrownBy(() -> new FollowUpSchedule(List.of(), Period.ofYears(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FollowUpSchedule(List.of(Period.ZERO), Period.ofYears(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVisitIsOverdueFromTheDayAfterItsDueDayUntilItIsRecorded() {
        Visit first = DEFAULT.visitsFor(LocalDate.of(2026, 1, 15)).getFirst();

        // 2026-02-15 15:59Z is still the due day in Shanghai; 16:00Z is the next day there.
        assertThat(first.isOverdueOn(todayAt("2026-02-15T15:59:00Z"))).isFalse();
        LocalDate nextDay = todayAt("2026-02-15T16:00:00Z");
        assertThat(first.isOverdueOn(nextDay)).isTrue();
        assertThat(first.daysOverdueOn(nextDay)).isEqualTo(1);
        assertThat(first.daysOverdueOn(todayAt("2026-03-17T04:00:00Z"))).isEqualTo(30);

        Visit recorded = new Visit(1, first.dueOn(), LocalDate.of(2026, 3, 1), VisitOutcome.RECTIFIED);
        assertThat(recorded.isOverdueOn(todayAt("2026-03-17T04:00:00Z"))).isFalse();
        assertThat(recorded.daysOverdueOn(todayAt("2026-03-17T04:00:00Z"))).isZero();
    }

    @Test
    void keySupervisionRunsFromTheDecisionForTheConfiguredPeriod() {
        KeySupervision supervision = DEFAULT.keySupervisionFor(LocalDate.of(2026, 2, 10));

        assertThat(supervision.until()).isEqualTo(LocalDate.of(2027, 2, 10));
        assertThat(supervision.isActiveOn(LocalDate.of(2026, 2, 9))).isFalse();
        assertThat(supervision.isActiveOn(LocalDate.of(2026, 2, 10))).isTrue();
        assertThat(supervision.isActiveOn(todayAt("2027-02-09T12:00:00Z"))).isTrue();
        assertThat(supervision.isActiveOn(todayAt("2027-02-09T16:00:00Z"))).isFalse();
    }

    @Test
    void aStepCannotPrecedeItsCaseNorLieInTheFuture() {
        LocalDate caseDate = LocalDate.of(2026, 5, 10);
        LocalDate today = LocalDate.of(2026, 6, 1);

        assertThat(CaseDates.problemWith(LocalDate.of(2026, 5, 9), caseDate, today)).get().asString()
                .contains("before the case's penalty decision of 2026-05-10");
        assertThat(CaseDates.problemWith(LocalDate.of(2026, 6, 2), caseDate, today)).contains("is in the future");
        assertThat(CaseDates.problemWith(caseDate, caseDate, today)).isEmpty();
        assertThat(CaseDates.problemWith(today, caseDate, today)).isEmpty();
    }

    @Test
    void publicWarningsShowOnlyTheFirstCharacterOfAName() {
        assertThat(NameMask.mask("张三")).isEqualTo("张*");
        assertThat(NameMask.mask("欧阳小明")).isEqualTo("欧***");
        assertThat(NameMask.mask("李")).isEqualTo("李*");
    }
}
