package cn.chongchuan.safetycredit.sanction.delivery.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    /** The default of sanction.delivery.schedule: Standard Webhooks' steps, then 10 h waits. */
    private static final List<Duration> STANDARD = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10), Duration.ofHours(10), Duration.ofHours(10), Duration.ofHours(10),
            Duration.ofHours(10), Duration.ofHours(10));
    private final DeliverySchedule standard = new DeliverySchedule(STANDARD, 0.1);

    @Test
    void eachFailedRoundWaitsItsDelayAtTheLeastAndAtMostTheJitterMore() {
        assertThat(standard.nextRound(1, NOW, 0)).contains(NOW.plusSeconds(5));
        assertThat(standard.nextRound(2, NOW, 0)).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(standard.nextRound(6, NOW, 0.5)).contains(NOW.plus(Duration.ofHours(10)).plus(Duration.ofMinutes(30)));
        SplittableRandom seeded = new SplittableRandom(20);
        for (int round = 1; round <= STANDARD.size(); round++) {
            Duration delay = STANDARD.get(round - 1);
            for (int i = 0; i < 200; i++) {
                Instant next = standard.nextRound(round, NOW, seeded.nextDouble()).orElseThrow();
                assertThat(next).isBetween(NOW.plus(delay), NOW.plus(delay).plusMillis(delay.toMillis() / 10));
            }
        }
    }

    @Test
    void theSameDrawGivesTheSameTime() {
        double draw = new SplittableRandom(7).nextDouble();
        assertThat(standard.nextRound(9, NOW, draw)).isEqualTo(standard.nextRound(9, NOW, draw));
        assertThat(standard.nextRound(9, NOW, 0.25)).isNotEqualTo(standard.nextRound(9, NOW, 0.75));
    }

    @Test
    void theDefaultScheduleSpansMoreThanThreeDaysInThirteenRounds() {
        assertThat(standard.span()).isEqualTo(Duration.ofHours(77).plusMinutes(35).plusSeconds(5))
                .isGreaterThan(Duration.ofDays(3));
        assertThat(standard.longestSpan()).isEqualTo(Duration.ofMillis((long) Math.ceil(standard.span().toMillis() * 1.1)));
        assertThat(standard.rounds()).isEqualTo(13);
    }

    @Test
    void theNoticeIsDeadOnceTheScheduleIsUsedUp() {
        assertThat(standard.nextRound(12, NOW, 0.3)).isPresent();
        assertThat(standard.nextRound(13, NOW, 0.3)).isEmpty();
    }

    @Test
    void withoutJitterEveryRoundIsOnItsNominalTime() {
        DeliverySchedule exact = new DeliverySchedule(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5)));
        assertThat(exact.nextRound(1, NOW, 0.99)).contains(NOW.plus(Duration.ofMinutes(1)));
        assertThat(exact.nextRound(2, NOW)).contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(exact.longestSpan()).isEqualTo(exact.span());
    }

    @Test
    void anEmptyOrNonPositiveScheduleOrAJitterOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new DeliverySchedule(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliverySchedule(List.of(Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliverySchedule(STANDARD, -0.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DeliverySchedule(STANDARD, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> standard.nextRound(1, NOW, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
