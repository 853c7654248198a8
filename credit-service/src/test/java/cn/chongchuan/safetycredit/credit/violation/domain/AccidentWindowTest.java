package cn.chongchuan.safetycredit.credit.violation.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccidentWindowTest {

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @Test
    void anEarlierAccidentRecordedLaterCountsWithALaterOneRecordedFirst() {
        // The later accident (2026-03-01) is already recorded; the earlier one (2025-10-01) comes now.
        assertThat(AccidentWindow.countedWith(d("2025-10-01"), List.of(d("2026-03-01")), 12))
                .containsExactly(d("2025-10-01"), d("2026-03-01"));
    }

    @Test
    void aLaterAccidentCountsWithAnEarlierOne() {
        assertThat(AccidentWindow.countedWith(d("2026-03-01"), List.of(d("2025-10-01")), 12))
                .containsExactly(d("2025-10-01"), d("2026-03-01"));
    }

    @Test
    void twelveMonthsEndOnTheCorrespondingDay() {
        assertThat(AccidentWindow.countedWith(d("2026-03-10"), List.of(d("2025-03-10")), 12)).hasSize(2);
        assertThat(AccidentWindow.countedWith(d("2026-03-11"), List.of(d("2025-03-10")), 12)).hasSize(1);
        assertThat(AccidentWindow.countedWith(d("2025-03-10"), List.of(d("2026-03-11")), 12)).hasSize(1);
    }

    @Test
    void aMonthWithoutTheDayEndsOnItsLastDay() {
        // 民法典 第二百零三条: 2024-02-29 plus 12 months ends on 2025-02-28.
        assertThat(AccidentWindow.countedWith(d("2025-02-28"), List.of(d("2024-02-29")), 12)).hasSize(2);
        assertThat(AccidentWindow.countedWith(d("2025-03-01"), List.of(d("2024-02-29")), 12)).hasSize(1);
    }

    @Test
    void oneAccidentRecordedTwiceIsOneAccident() {
        assertThat(AccidentWindow.countedWith(d("2026-01-05"), List.of(d("2026-01-05"), d("2026-01-05")), 12))
                .containsExactly(d("2026-01-05"));
    }

    @Test
    void theLargestWindowThatHoldsTheAccidentCounts() {
        // 2025-01-10 and 2026-01-20 are 12 months and 10 days apart; the new one in between joins either.
        List<LocalDate> counted = AccidentWindow.countedWith(d("2025-08-01"),
                List.of(d("2025-01-10"), d("2026-01-20"), d("2026-02-01")), 12);
        assertThat(counted).containsExactly(d("2025-08-01"), d("2026-01-20"), d("2026-02-01"));
    }
}
