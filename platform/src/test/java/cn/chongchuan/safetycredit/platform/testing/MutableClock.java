package cn.chongchuan.safetycredit.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The services' clock in tests: real time plus an offset a test moves (the services read all time
 * through their {@link Clock} bean). Every zone view of it ({@link #withZone}) moves with it. The
 * one test clock of both services ({@link TestClockConfiguration} puts it in their context).
 */
public final class MutableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration duration) {
        offset.updateAndGet(o -> o.plus(duration));
    }

    /** Moves the clock so that it reads {@code instant} now (and ticks on from there). */
    public void set(Instant instant) {
        offset.set(Duration.between(Instant.now(), instant));
    }

    /** How far the clock is from real time; {@link #restore} puts a saved offset back. */
    public Duration offset() {
        return offset.get();
    }

    public void restore(Duration saved) {
        offset.set(saved);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock parent = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId again) {
                return parent.withZone(again);
            }

            @Override
            public Instant instant() {
                return parent.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }
}
