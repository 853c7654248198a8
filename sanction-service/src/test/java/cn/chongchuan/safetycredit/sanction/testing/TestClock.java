package cn.chongchuan.safetycredit.sanction.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The service's clock in tests: real time plus an offset that a test can move forward. */
public final class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Moves the clock so that it reads {@code instant} now (and ticks on from there). */
    public void set(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public Duration offset() {
        return offset;
    }

    /** Puts back an offset read with {@link #offset()}. */
    public void restore(Duration saved) {
        offset = saved;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC");
    }
}
