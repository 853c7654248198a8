package cn.chongchuan.safetycredit.sanction.notice.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackDeadlineTest {

    @Test
    void tenWorkingDaysSkipTwoWeekends() {
        // Monday 2026-03-02 → ten working days later is Monday 2026-03-16.
        assertThat(new FeedbackDeadline(10, Set.of()).dueFor(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    void aNoticeIssuedOnSaturdayCountsFromMonday() {
        assertThat(new FeedbackDeadline(1, Set.of()).dueFor(LocalDate.of(2026, 3, 7))).isEqualTo(LocalDate.of(2026, 3, 9));
    }

    @Test
    void configuredHolidaysAreSkipped() {
        Set<LocalDate> qingming = Set.of(LocalDate.of(2026, 4, 6));
        assertThat(new FeedbackDeadline(1, qingming).dueFor(LocalDate.of(2026, 4, 3))).isEqualTo(LocalDate.of(2026, 4, 7));
    }
}
