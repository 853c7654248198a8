package cn.chongchuan.safetycredit.sanction.inbox.internal;

import java.time.Instant;

/** An event already taken in from credit-service (a listing event or a calendar year), remembered by its stable id. */
public record ReceivedEvent(String eventId, String eventType, String subjectKey, Instant receivedAt) {
}
