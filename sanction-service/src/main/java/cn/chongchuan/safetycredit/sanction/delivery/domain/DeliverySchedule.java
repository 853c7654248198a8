package cn.chongchuan.safetycredit.sanction.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a notice whose delivery round failed is tried again: the n-th failed round waits the n-th
 * delay; once every delay is used up the next failure makes the notice DEAD.
 */
public final class DeliverySchedule {

    private final List<Duration> delays;

    public DeliverySchedule(List<Duration> delays) {
        if (delays == null || delays.isEmpty() || delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("the delivery schedule needs at least one positive delay");
        }
        this.delays = List.copyOf(delays);
    }

    /** The time of the next round after {@code failedRounds} failed rounds, or empty when the notice is dead. */
    public Optional<Instant> nextRound(int failedRounds, Instant now) {
        if (failedRounds < 1) {
            throw new IllegalArgumentException("failedRounds counts the round that just failed: at least 1");
        }
        return failedRounds > delays.size() ? Optional.empty() : Optional.of(now.plus(delays.get(failedRounds - 1)));
    }

    /** How long a notice is retried before it is declared dead. */
    public Duration span() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** How many rounds a notice gets in all. */
    public int rounds() {
        return delays.size() + 1;
    }
}
