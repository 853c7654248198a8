package cn.chongchuan.safetycredit.credit.listing.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ListingTimeRulesTest {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(
            Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                    LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)),
            Set.of(LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 10)));

    @Test
    void defenceDeadlineSkipsWeekends() {
        // Thursday 2026-11-26 + 5 working days: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 December.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 26), 5)).isEqualTo(LocalDate.of(2026, 12, 3));
    }

    @Test
    void defenceDeadlineSkipsPublicHolidaysAndCountsDeclaredWorkingWeekends() {
        // Wed 2026-09-30; Oct 1, 2, 5, 6, 7 are holidays; Sat Oct 10 is a declared working day.
        // Working days after: Thu Oct 8 (1), Fri Oct 9 (2), Sat Oct 10 (3), Mon Oct 12 (4), Tue Oct 13 (5).
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 27))).isTrue();
    }

    @Test
    void listingExpiresAfterThreeYears() {
        ListingPeriod period = ListingPeriod.startingOn(LocalDate.of(2026, 3, 1), 3);

        assertThat(period.hasExpiredOn(LocalDate.of(2029, 2, 28))).isFalse();
        assertThat(period.hasExpiredOn(LocalDate.of(2029, 3, 1))).isTrue();
    }

    @Test
    void repairBecomesPossibleAfterTwelveMonths() {
        ListingPeriod period = ListingPeriod.startingOn(LocalDate.of(2024, 2, 29), 3);

        assertThat(period.repairEligibleFrom(12)).isEqualTo(LocalDate.of(2025, 2, 28));
    }
}
