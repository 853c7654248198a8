package cn.chongchuan.safetycredit.sanction.delivery.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-10-21T07:20:00Z");
    private static final Duration CAP = Duration.ofHours(10);

    @Test
    void delaySecondsAreReadAsAWait() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("99999999999999999999", NOW)).hasValueSatisfying(d -> assertThat(d).isGreaterThan(CAP));
    }

    @Test
    void anHttpDateIsReadAsTheWaitUntilThen() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:28:00 GMT", NOW)).contains(Duration.ofMinutes(8));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2026 07:00:00 GMT", NOW)).as("a date in the past").contains(Duration.ZERO);
    }

    @Test
    void anythingElseIsIgnored() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
    }

    @Test
    void onlyTooManyRequestsAndServiceUnavailableAreHonoured() {
        assertThat(RetryAfter.appliesTo(429)).isTrue();
        assertThat(RetryAfter.appliesTo(503)).isTrue();
        assertThat(RetryAfter.appliesTo(500)).isFalse();
        assertThat(RetryAfter.appliesTo(301)).isFalse();
    }

    @Test
    void theHeaderDelaysTheRoundNeverAdvancesItAndNeverPastTheCap() {
        Instant scheduled = NOW.plus(Duration.ofMinutes(5));
        assertThat(RetryAfter.nextRound(scheduled, NOW, Duration.ofMinutes(20), CAP)).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
        assertThat(RetryAfter.nextRound(scheduled, NOW, Duration.ofSeconds(1), CAP)).as("earlier than the schedule")
                .isEqualTo(scheduled);
        assertThat(RetryAfter.nextRound(scheduled, NOW, Duration.ofDays(3), CAP)).isEqualTo(NOW.plus(CAP));
        assertThat(RetryAfter.nextRound(scheduled, NOW, null, CAP)).isEqualTo(scheduled);
        Instant late = NOW.plus(Duration.ofHours(11));
        assertThat(RetryAfter.nextRound(late, NOW, Duration.ofDays(3), CAP)).as("the cap never shortens the schedule")
                .isEqualTo(late);
    }
}
