package cn.chongchuan.safetycredit.sanction.notice.domain;

import cn.chongchuan.safetycredit.platform.calendar.Holiday;
import cn.chongchuan.safetycredit.platform.calendar.HolidayYear;
import cn.chongchuan.safetycredit.platform.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackDeadlineTest {

    private static final WorkingDayCalendar WEEKDAYS = WorkingDayCalendar.weekdaysOnly();

    @Test
    void tenWorkingDaysSkipTwoWeekends() {
        // Monday 2026-03-02 → ten working days later is Monday 2026-03-16.
        assertThat(new FeedbackDeadline(10).dueFor(LocalDate.of(2026, 3, 2), WEEKDAYS)).isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    void aNoticeIssuedOnSaturdayCountsFromMonday() {
        assertThat(new FeedbackDeadline(1).dueFor(LocalDate.of(2026, 3, 7), WEEKDAYS)).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void holidaysOfTheCalendarAreSkipped() {
        // 清明节 2026 (国办发明电〔2025〕7号): Saturday 04-04 to Monday 04-06.
        WorkingDayCalendar qingming = WorkingDayCalendar.of(List.of(new HolidayYear(2026, "国办发明电〔2025〕7号",
                List.of(new Holiday("清明节", LocalDate.of(2026, 4, 4), LocalDate.of(2026, 4, 6), List.of())))));
        assertThat(new FeedbackDeadline(1).dueFor(LocalDate.of(2026, 4, 3), qingming)).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void aDeclaredWorkingSaturdayCounts() {
        // 2025's National Day: 10-01..10-08 off, Saturday 10-11 worked. Ten working days after Tuesday 09-30:
        // Oct 9, 10, 11 (Sat), 13, 14, 15, 16, 17, 20, 21 — not Oct 14, as weekends alone gave.
        WorkingDayCalendar nationalDay = WorkingDayCalendar.of(List.of(new HolidayYear(2025, "国办发明电〔2024〕12号",
                List.of(new Holiday("国庆节、中秋节", LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 8),
                        List.of(LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11)))))));
        assertThat(new FeedbackDeadline(10).dueFor(LocalDate.of(2025, 9, 30), nationalDay)).isEqualTo(LocalDate.of(2025, 10, 21));
        assertThat(new FeedbackDeadline(10).dueFor(LocalDate.of(2025, 9, 30), WEEKDAYS)).isEqualTo(LocalDate.of(2025, 10, 14));
    }
}
