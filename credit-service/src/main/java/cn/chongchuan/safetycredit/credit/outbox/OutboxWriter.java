package cn.chongchuan.safetycredit.credit.outbox;

import cn.chongchuan.safetycredit.credit.subject.PersonKeyChanged;
import cn.chongchuan.safetycredit.platform.tracing.TraceContexts;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.UUID;

/** Appends an event to the outbox inside the caller's transaction, so it commits with the change. */
@Component
public class OutboxWriter {

    private final OutboxMapper mapper;
    private final JsonMapper json;
    private final Clock clock;
    private final TraceContexts traces;

    OutboxWriter(OutboxMapper mapper, JsonMapper json, Clock clock, TraceContexts traces) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
        this.traces = traces;
    }

    /**
     * Writes the event; the relay publishes it after commit, as part of the trace of the request
     * writing it now (its traceparent is kept with the row). Returns its stable event id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public String append(String subjectKey, String eventType, EventPayload payload) {
        String eventId = UUID.randomUUID().toString();
        mapper.insert(OutboxEvent.pending(eventId, subjectKey, eventType, json.writeValueAsString(payload.withEventId(eventId)),
                clock.instant(), traces.currentTraceparentOrNull()));
        return eventId;
    }

    /** A payload that learns its event id just before it is serialised. */
    public interface EventPayload {
        EventPayload withEventId(String eventId);
    }

    /** A person re-hashed under a new HMAC key: its events keep their order under the new key. */
    @EventListener
    @Order(2)
    void moveToNewKey(PersonKeyChanged change) {
        mapper.rekeySubject(change.oldKey(), change.newKey());
    }
}
