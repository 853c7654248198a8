package cn.chongchuan.safetycredit.credit.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far sanction-service is behind, for the operators' alerts: events not yet delivered, events
 * parked (refused as malformed, waiting for the credit office), and the age of the oldest waiting
 * event. Read from the database every {@code credit.metrics.refresh-interval} (one indexed query),
 * never on a scrape; every instance reports the same database-wide figures (alert on their max).
 */
@Component
class OutboxMetrics {

    private final OutboxMapper outbox;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    OutboxMetrics(OutboxMapper outbox, MeterRegistry registry, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
        Gauge.builder("credit.outbox.pending", pending, AtomicLong::get)
                .description("listing events not yet delivered to sanction-service (parked ones excluded)")
                .register(registry);
        Gauge.builder("credit.outbox.parked", parked, AtomicLong::get)
                .description("listing events sanction-service refused as malformed, waiting for the credit office")
                .register(registry);
        Gauge.builder("credit.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("age of the oldest listing event not yet delivered (0 when none waits)")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${credit.metrics.refresh-interval:PT15S}")
    void refresh() {
        OutboxMapper.Backlog backlog = outbox.backlog();
        pending.set(backlog.pending());
        parked.set(backlog.parked());
        Instant oldest = backlog.oldestPendingAt();
        oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()));
    }
}
