package cn.chongchuan.safetycredit.credit.outbox;

import cn.chongchuan.safetycredit.platform.tracing.TraceContexts;
import feign.FeignException;
import feign.RetryableException;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Publishes outbox events to sanction-service, at least once and in order per subject (a listed
 * subject, or a year of the holiday calendar), each type to its intake. A round
 * claims due events in a short transaction ({@code FOR UPDATE SKIP LOCKED} plus a lease, so
 * several instances never send the same event at once), sends them outside it, then records the
 * outcome: published, retried later with exponential backoff and jitter, or parked when the
 * receiver calls the event malformed. Each send is a span ({@value #SPAN}) of the trace of the
 * request that wrote the event, so the receiver's work joins that trace too.
 */
@Component
class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** The one event type that is not about a listing: it goes to sanction-service's calendar intake. */
    static final String CALENDAR_YEAR_SET = "CALENDAR_YEAR_SET";
    /** The span (and timer) of one event's send. */
    static final String SPAN = "credit.outbox.relay";

    private final OutboxMapper mapper;
    private final SanctionEventClient client;
    private final RelayProperties properties;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final IntervalFunction backoff;
    private final Timer lag;
    private final Counter published;
    private final Counter parked;
    private final Counter failed;
    private final TraceContexts traces;

    OutboxRelay(OutboxMapper mapper, SanctionEventClient client, RelayProperties properties,
            TransactionTemplate transactions, JsonMapper json, Clock clock, MeterRegistry meters, TraceContexts traces) {
        this.traces = traces;
        this.mapper = mapper;
        this.client = client;
        this.properties = properties;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.published = Counter.builder("credit.outbox.published").description("events sanction-service accepted")
                .register(meters);
        this.parked = Counter.builder("credit.outbox.parked.events")
                .description("events sanction-service refused as malformed (parked for the credit office)").register(meters);
        this.failed = Counter.builder("credit.outbox.failed").description("delivery attempts that failed and will be retried")
                .register(meters);
        this.lag = Timer.builder("credit.outbox.relay.lag")
                .description("from the commit of a change to sanction-service accepting its event")
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
                        Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30))
                .register(meters);
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(properties.initialBackoff(), 2.0, 0.5,
                properties.maxBackoff());
    }

    @Scheduled(fixedDelayString = "${credit.relay.interval:PT0.5S}")
    void relayDue() {
        if (!properties.enabled()) {
            return;
        }
        try {
            while (relayOnce() == properties.batchSize()) {
                // a full batch: there may be more due right away
            }
        } catch (RuntimeException e) {
            // The database may be away; the events stay in the outbox for the next round.
            log.warn("outbox relay round failed: {}", e.getMessage());
        }
    }

    /** One round; returns how many events it claimed. */
    int relayOnce() {
        List<OutboxEvent> claimed = transactions.execute(status -> {
            Instant now = clock.instant();
            List<OutboxEvent> due = mapper.lockDue(now, properties.batchSize());
            if (!due.isEmpty()) {
                mapper.lease(due.stream().map(OutboxEvent::id).toList(), now.plus(properties.lease()));
            }
            return due;
        });
        for (OutboxEvent event : claimed) {
            traces.continueTrace(SPAN, event.traceparent(), () -> send(event));
        }
        return claimed.size();
    }

    private void send(OutboxEvent event) {
        try {
            if (CALENDAR_YEAR_SET.equals(event.eventType())) {
                client.publishCalendarYear(withSequence(event));
            } else {
                client.publish(withSequence(event));
            }
            Instant accepted = clock.instant();
            mapper.markPublished(event.id(), accepted);
            published.increment();
            Duration waited = Duration.between(event.createdAt(), accepted);
            lag.record(waited.isNegative() ? Duration.ZERO : waited);
        } catch (FeignException e) {
            int status = e.status();
            if (status >= 400 && status < 500 && status != 408 && status != 429 && !(e instanceof RetryableException)) {
                mapper.markParked(event.id(), clock.instant(), describe(e));
                parked.increment();
                log.error("{} event {} rejected by the receiver ({}); parked for the credit office", event.eventType(),
                        event.eventId(), status);
            } else {
                retryLater(event, describe(e));
            }
        } catch (RuntimeException e) {
            retryLater(event, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void retryLater(OutboxEvent event, String error) {
        Duration wait = Duration.ofMillis(backoff.apply(event.attempts() + 1));
        mapper.markFailed(event.id(), clock.instant().plus(wait), truncate(error));
        failed.increment();
        log.warn("{} event {} not delivered (attempt {}): {}; next try in {} ms", event.eventType(), event.eventId(),
                event.attempts() + 1, truncate(error), wait.toMillis());
    }

    private String withSequence(OutboxEvent event) {
        ObjectNode payload = (ObjectNode) json.readTree(event.payload());
        payload.put("sequence", event.id());
        return json.writeValueAsString(payload);
    }

    private static String describe(FeignException e) {
        return "HTTP " + e.status() + " " + truncate(e.getMessage());
    }

    private static String truncate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 450 ? text.substring(0, 450) : text;
    }
}
