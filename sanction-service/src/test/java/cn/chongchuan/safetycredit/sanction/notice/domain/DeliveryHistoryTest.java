package cn.chongchuan.safetycredit.sanction.notice.domain;

import cn.chongchuan.safetycredit.sanction.notice.domain.DeliveryHistory.Day;
import cn.chongchuan.safetycredit.sanction.notice.domain.DeliveryHistory.DayCount;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeliveryHistoryTest {

    private static final LocalDate MARCH_1 = LocalDate.of(2026, 3, 1);

    @Test
    void everyDayOfTheWindowIsThereOldestFirstAndQuietDaysAreZero() {
        List<Day> days = DeliveryHistory.of(MARCH_1, MARCH_1.plusDays(3), List.of(
                new DayCount(MARCH_1.plusDays(1), "CREATED", 16),
                new DayCount(MARCH_1.plusDays(1), "DELIVERED", 15),
                new DayCount(MARCH_1.plusDays(3), "DELIVERED", 1),
                new DayCount(MARCH_1.plusDays(3), "ACKNOWLEDGED", 9),
                new DayCount(MARCH_1.plusDays(3), "ANSWERED", 4),
                new DayCount(MARCH_1.plusDays(3), "DEAD", 2)));

        assertThat(days).containsExactly(
                new Day(MARCH_1, 0, 0, 0, 0, 0),
                new Day(MARCH_1.plusDays(1), 16, 15, 0, 0, 0),
                new Day(MARCH_1.plusDays(2), 0, 0, 0, 0, 0),
                new Day(MARCH_1.plusDays(3), 0, 1, 9, 4, 2));
    }

    @Test
    void countsOutsideTheWindowAreLeftOut() {
        List<Day> days = DeliveryHistory.of(MARCH_1, MARCH_1, List.of(
                new DayCount(MARCH_1.minusDays(1), "CREATED", 5), new DayCount(MARCH_1.plusDays(1), "CREATED", 7)));

        assertThat(days).containsExactly(new Day(MARCH_1, 0, 0, 0, 0, 0));
    }

    @Test
    void aWindowEndingBeforeItStartsIsAMistake() {
        assertThatIllegalArgumentException().isThrownBy(() -> DeliveryHistory.of(MARCH_1, MARCH_1.minusDays(1), List.of()));
    }
}
