package cn.chongchuan.safetycredit.platform.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Carries a trace across work done later: the W3C {@code traceparent} of the span in scope is
 * stored with what a request writes (an outbox event, a notice), and the later work (the relay,
 * the delivery) runs as a span of that same trace. With tracing off there is no traceparent to
 * store and the work simply runs.
 */
public class TraceContexts {

    /** The W3C Trace Context header (and the column the traceparent is kept in). */
    public static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;
    private final ObservationRegistry observations;

    public TraceContexts(Tracer tracer, Propagator propagator, ObservationRegistry observations) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.observations = observations;
    }

    /** The traceparent of the span in scope; empty when tracing is off or nothing is traced here. */
    public Optional<String> currentTraceparent() {
        Span span = tracer.currentSpan();
        if (span == null || span.isNoop()) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    /** The traceparent of the span in scope, or null: for a column. */
    public String currentTraceparentOrNull() {
        return currentTraceparent().orElse(null);
    }

    /**
     * Runs {@code work} as a span named {@code name} (an observation, so also timed) whose parent is
     * the stored {@code traceparent}; a new trace when it is null (a row written before tracing was
     * on, or while it was off).
     */
    public <T> T continueTrace(String name, String traceparent, Supplier<T> work) {
        Map<String, String> carrier = traceparent == null ? Map.of() : Map.of(TRACEPARENT, traceparent);
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>((c, key) -> c.get(key), Kind.CONSUMER);
        context.setCarrier(carrier);
        return Observation.createNotStarted(name, () -> context, observations).observe(work);
    }

    /** The same for work without a result. */
    public void continueTrace(String name, String traceparent, Runnable work) {
        continueTrace(name, traceparent, () -> {
            work.run();
            return null;
        });
    }

    /** Writes the current span's propagation headers (traceparent) with {@code header}: for an outgoing call. */
    public void inject(BiConsumer<String, String> header) {
        Span span = tracer.currentSpan();
        if (span != null && !span.isNoop()) {
            propagator.inject(span.context(), header, BiConsumer::accept);
        }
    }
}
