package cn.chongchuan.safetycredit.credit.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that ticks with real time but that tests can move: the service reads all time through it. */
public final class MutableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final ZoneId zone;

    public MutableClock() {
        this(ZoneOffset.UTC, null);
    }

    private MutableClock(ZoneId zone, AtomicReference<Duration> shared) {
        this.zone = zone;
        if (shared != null) {
            this.offset.set(shared.get());
        }
    }

    public void advance(Duration duration) {
        offset.updateAndGet(o -> o.plus(duration));
    }

    /** Moves the clock so that it reads {@code instant} now (and ticks on from there). */
    public void set(Instant instant) {
        offset.set(Duration.between(Instant.now(), instant));
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        MutableClock parent = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return other;
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
