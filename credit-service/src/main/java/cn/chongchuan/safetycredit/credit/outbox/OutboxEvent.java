package cn.chongchuan.safetycredit.credit.outbox;

import java.time.Instant;

/**
 * One event waiting in (or already relayed from) the outbox.
 *
 * @param id           database sequence, the relay order
 * @param eventId      stable id the receiver deduplicates on
 * @param subjectKey   the subject the event is about; events of one subject are relayed in order
 * @param eventType    what happened, e.g. LISTING_STARTED
 * @param payload      the JSON body sent to the receiver
 * @param createdAt    when the change committed
 * @param publishedAt  when the receiver accepted it, or null while pending
 * @param attempts     failed relay attempts so far
 * @param nextAttemptAt earliest time of the next attempt
 * @param lastError    why the last attempt failed, if it did
 * @param parkedAt     when the receiver rejected it as malformed; no more attempts
 * @param traceparent  the W3C traceparent of the request that wrote it, or null (tracing off)
 */
public record OutboxEvent(
        Long id,
        String eventId,
        String subjectKey,
        String eventType,
        String payload,
        Instant createdAt,
        Instant publishedAt,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant parkedAt,
        String traceparent) {

    /** A new, pending event, outside any trace. */
    public static OutboxEvent pending(String eventId, String subjectKey, String eventType, String payload, Instant now) {
        return pending(eventId, subjectKey, eventType, payload, now, null);
    }

    /** A new, pending event that the relay sends as part of the trace {@code traceparent} names. */
    public static OutboxEvent pending(String eventId, String subjectKey, String eventType, String payload, Instant now,
            String traceparent) {
        return new OutboxEvent(null, eventId, subjectKey, eventType, payload, now, null, 0, now, null, null, traceparent);
    }
}
