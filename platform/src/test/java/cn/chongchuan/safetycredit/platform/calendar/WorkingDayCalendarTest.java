package cn.chongchuan.safetycredit.platform.calendar;

import cn.chongchuan.safetycredit.platform.calendar.boot.HolidaySeedFile;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The calendar over the shipped seed file (seeds/holidays.yaml) and over small hand-made years. */
class WorkingDayCalendarTest {

    static final WorkingDayCalendar SEEDED = WorkingDayCalendar.of(
            HolidaySeedFile.read(new FileSystemResource("../seeds/holidays.yaml")));

    @Test
    void theNationalDayOf2025MovesAFiveDayPeriodFromTheSeventhToTheFourteenth() {
        // Served Tuesday 2025-09-30. 10-01..10-08 off; Saturday 10-11 worked:
        // Thu 9 (1), Fri 10 (2), Sat 11 (3), Mon 13 (4), Tue 14 (5).
        assertThat(SEEDED.addWorkingDays(LocalDate.of(2025, 9, 30), 5)).isEqualTo(LocalDate.of(2025, 10, 14));
        assertThat(WorkingDayCalendar.weekdaysOnly().addWorkingDays(LocalDate.of(2025, 9, 30), 5))
                .as("without the calendar").isEqualTo(LocalDate.of(2025, 10, 7));
        assertThat(SEEDED.isWorkingDay(LocalDate.of(2025, 9, 28))).as("Sunday 09-28 is worked").isTrue();
        assertThat(SEEDED.holidayOn(LocalDate.of(2025, 10, 8))).contains("国庆节、中秋节");
    }

    @Test
    void theSpringFestivalOf2020RunsToTheSecondOfFebruaryAsExtendedAndItsFirstSaturdayIsNoLongerWorked() {
        assertThat(SEEDED.holidayOn(LocalDate.of(2020, 1, 31))).contains("春节");
        assertThat(SEEDED.isWorkingDay(LocalDate.of(2020, 2, 1))).as("Saturday 02-01, worked before the extension")
                .isFalse();
        assertThat(SEEDED.isWorkingDay(LocalDate.of(2020, 2, 2))).isFalse();
        assertThat(SEEDED.isWorkingDay(LocalDate.of(2020, 2, 3))).as("2月3日（星期一）起正常上班").isTrue();
        assertThat(SEEDED.isWorkingDay(LocalDate.of(2020, 1, 19))).as("Sunday 01-19 stays worked").isTrue();
        // Thursday 2020-01-23 + 1 working day: the whole extended festival is skipped.
        assertThat(SEEDED.addWorkingDays(LocalDate.of(2020, 1, 23), 1)).isEqualTo(LocalDate.of(2020, 2, 3));
    }

    @Test
    void aSaturdayDeclaredAWorkingDayCounts() {
        // Friday 2026-02-13 + 1: Saturday 02-14 is worked (春节 调休).
        assertThat(SEEDED.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        // Then 02-15..02-23 off: + 2 is Tuesday 02-24.
        assertThat(SEEDED.addWorkingDays(LocalDate.of(2026, 2, 13), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
    }

    @Test
    void aHolidayOnAWeekendIsSimplyADayOff() {
        // 清明节 2026: Saturday 04-04 to Monday 04-06.
        assertThat(SEEDED.addWorkingDays(LocalDate.of(2026, 4, 3), 1)).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void theCountStartsTheDayAfterAndSkipsWeekends() {
        // Thursday 2026-11-26 + 5: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 December.
        assertThat(SEEDED.addWorkingDays(LocalDate.of(2026, 11, 26), 5)).isEqualTo(LocalDate.of(2026, 12, 3));
        assertThatThrownBy(() -> SEEDED.addWorkingDays(LocalDate.of(2026, 11, 26), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUncoveredYearCountsMondayToFridayAndTheCoverageSaysSo() {
        assertThat(SEEDED.years()).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(SEEDED.covers(LocalDate.of(2026, 12, 24), LocalDate.of(2027, 1, 4))).isFalse();
        assertThat(SEEDED.addWorkingDays(LocalDate.of(2027, 9, 30), 5)).isEqualTo(LocalDate.of(2027, 10, 7));

        CalendarCoverage december2026 = SEEDED.coverage(LocalDate.of(2026, 12, 3));
        assertThat(december2026.currentYearCovered()).isTrue();
        assertThat(december2026.missingYears()).containsExactly(2027);
        assertThat(december2026.warning()).get().asString().contains("next year, 2027", "POST /api/v1/calendar/years");
        assertThat(SEEDED.coverage(LocalDate.of(2025, 6, 1)).warning()).isEmpty();
        assertThat(SEEDED.coverage(LocalDate.of(2030, 6, 1)).warning()).get().asString()
                .contains("the years 2030 and 2031");
    }

    @Test
    void aYearIsGivenOnce() {
        HolidayYear year = new HolidayYear(2031, "测试", List.of(new Holiday("元旦", LocalDate.of(2031, 1, 1),
                LocalDate.of(2031, 1, 1), List.of())));

        assertThatThrownBy(() -> WorkingDayCalendar.of(List.of(year, year))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everySeededYearHasItsNoticeAsSourceAndTheSevenHolidays() {
        for (int year : SEEDED.years()) {
            HolidayYear arrangement = SEEDED.arrangement(year).orElseThrow();
            assertThat(arrangement.source()).as("%d", year).startsWith("国办发明电〔" + (year - 1) + "〕");
            assertThat(String.join("", arrangement.holidays().stream().map(Holiday::name).toList())).as("%d", year)
                    .contains("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");
        }
    }
}
