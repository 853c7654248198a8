package cn.chongchuan.safetycredit.sanction.delivery.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a notice whose delivery round failed is tried again: the n-th failed round waits the n-th
 * delay, lengthened by a random part of up to {@code jitter} of it (never shortened, so a notice is
 * never tried earlier than the schedule says and the schedule's span is a lower bound); once every
 * delay is used up the next failure makes the notice DEAD. The jitter spreads the retries of the
 * many notices one outage failed together, so a recovering department is not hit by all at once.
 * The random draw is the caller's (a number in [0, 1)), so the schedule itself is deterministic.
 */
public final class DeliverySchedule {

    private final List<Duration> delays;
    private final double jitter;

    public DeliverySchedule(List<Duration> delays) {
        this(delays, 0);
    }

    /** @param jitter the most a delay is lengthened by, as a fraction of it (0 to 1) */
    public DeliverySchedule(List<Duration> delays, double jitter) {
        if (delays == null || delays.isEmpty() || delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("the delivery schedule needs at least one positive delay");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("the schedule's jitter is a fraction between 0 and 1, not " + jitter);
        }
        this.delays = List.copyOf(delays);
        this.jitter = jitter;
    }

    /** The time of the next round after {@code failedRounds} failed rounds, without jitter, or empty when dead. */
    public Optional<Instant> nextRound(int failedRounds, Instant now) {
        return nextRound(failedRounds, now, 0);
    }

    /**
     * The time of the next round after {@code failedRounds} failed rounds, or empty when the notice
     * is dead; {@code draw} in [0, 1) picks the jitter (0: the nominal delay).
     */
    public Optional<Instant> nextRound(int failedRounds, Instant now, double draw) {
        if (failedRounds < 1) {
            throw new IllegalArgumentException("failedRounds counts the round that just failed: at least 1");
        }
        if (!(draw >= 0 && draw < 1)) {
            throw new IllegalArgumentException("the jitter draw is in [0, 1), not " + draw);
        }
        if (failedRounds > delays.size()) {
            return Optional.empty();
        }
        Duration nominal = delays.get(failedRounds - 1);
        long extraMillis = (long) Math.floor(nominal.toMillis() * jitter * draw);
        return Optional.of(now.plus(nominal).plusMillis(extraMillis));
    }

    /** How long a notice is retried at least (no jitter, no time spent in calls) before it is declared dead. */
    public Duration span() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** How long a notice may be retried at most, with the whole jitter on every delay. */
    public Duration longestSpan() {
        return Duration.ofMillis((long) Math.ceil(span().toMillis() * (1 + jitter)));
    }

    /** How many rounds a notice gets in all. */
    public int rounds() {
        return delays.size() + 1;
    }

    public double jitter() {
        return jitter;
    }
}
