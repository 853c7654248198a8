package cn.chongchuan.safetycredit.credit.outbox;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox gauges say what the table holds: waiting, parked, and how old the oldest waiting event is. */
@ServiceTest
class OutboxMetricsTest {

    private static final String SUBJECT = "U:METRICS-" + UUID.randomUUID();

    @Autowired
    OutboxMetrics metrics;
    @Autowired
    MeterRegistry registry;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    @AfterEach
    void removeThisTestsEvents() {
        jdbc.update("DELETE FROM outbox_event WHERE subject_key = ?", SUBJECT);
    }

    @Test
    void aWaitingEventTenMinutesOldAndAParkedOneShowInTheGauges() {
        // Due only far in the future: no relay picks it up while the test reads the gauges.
        insert(Instant.now().minusSeconds(600), null);
        insert(Instant.now().minusSeconds(60), Instant.now());

        clock.set(Instant.now()); // the shared context's clock may have been moved by another class
        metrics.refresh();

        // Other test classes' events share the table (and their relays may be running): at least ours.
        assertThat(gauge("credit.outbox.pending")).isGreaterThanOrEqualTo(1);
        assertThat(gauge("credit.outbox.parked")).isGreaterThanOrEqualTo(1);
        assertThat(gauge("credit.outbox.oldest.age")).isGreaterThanOrEqualTo(600);
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private void insert(Instant createdAt, Instant parkedAt) {
        jdbc.update("INSERT INTO outbox_event (event_id, subject_key, event_type, payload, created_at, attempts, "
                        + "next_attempt_at, parked_at) VALUES (?, ?, 'LISTING_STARTED', '{}', ?, 0, ?, ?)",
                UUID.randomUUID().toString(), SUBJECT, Timestamp.from(createdAt),
                Timestamp.from(Instant.now().plusSeconds(86_400 * 365)), parkedAt == null ? null : Timestamp.from(parkedAt));
    }
}
