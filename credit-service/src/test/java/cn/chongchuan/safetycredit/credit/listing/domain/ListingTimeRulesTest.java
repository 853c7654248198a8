package cn.chongchuan.safetycredit.credit.listing.domain;

import cn.chongchuan.safetycredit.platform.calendar.Holiday;
import cn.chongchuan.safetycredit.platform.calendar.HolidayYear;
import cn.chongchuan.safetycredit.platform.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ListingTimeRulesTest {

    /** 2026's National Day as 国办发明电〔2025〕7号 arranged it: 10-01 to 10-07 off, 09-20 and 10-10 worked. */
    private final WorkingDayCalendar calendar = WorkingDayCalendar.of(List.of(new HolidayYear(2026, "国办发明电〔2025〕7号",
            List.of(new Holiday("国庆节", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7),
                    List.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10)))))));

    @Test
    void defenceDeadlineSkipsWeekends() {
        // Thursday 2026-11-26 + 5 working days: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 December.
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 11, 26), 5)).isEqualTo(LocalDate.of(2026, 12, 3));
    }

    @Test
    void defenceDeadlineSkipsPublicHolidaysAndCountsDeclaredWorkingWeekends() {
        // Wed 2026-09-30; Oct 1 to 7 are holidays; Sat Oct 10 is a declared working day.
        // Working days after: Thu Oct 8 (1), Fri Oct 9 (2), Sat Oct 10 (3), Mon Oct 12 (4), Tue Oct 13 (5).
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 20))).isTrue();
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
