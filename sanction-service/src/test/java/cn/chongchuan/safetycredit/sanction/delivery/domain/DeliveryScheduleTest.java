package cn.chongchuan.safetycredit.sanction.delivery.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private final DeliverySchedule defaults = new DeliverySchedule(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
            Duration.ofHours(4), Duration.ofHours(8)));

    @Test
    void eachFailedRoundWaitsLongerThanTheOneBefore() {
        assertThat(defaults.nextRound(1, NOW)).contains(NOW.plus(Duration.ofMinutes(1)));
        assertThat(defaults.nextRound(2, NOW)).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(defaults.nextRound(8, NOW)).contains(NOW.plus(Duration.ofHours(8)));
    }

    @Test
    void theNoticeIsDeadOnceTheScheduleIsUsedUp() {
        assertThat(defaults.nextRound(9, NOW)).isEmpty();
        assertThat(defaults.rounds()).isEqualTo(9);
    }

    @Test
    void theDefaultScheduleSpansHours() {
        assertThat(defaults.span()).isEqualTo(Duration.ofMinutes(951));
    }

    @Test
    void anEmptyOrNonPositiveScheduleIsRefused() {
        assertThatThrownBy(() -> new DeliverySchedule(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliverySchedule(List.of(Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
    }
}
