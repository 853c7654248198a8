package cn.chongchuan.safetycredit.sanction.inbox;

import java.time.Instant;

/** A listing event already taken in from credit-service, remembered by its stable id. */
public record ReceivedEvent(String eventId, String eventType, String subjectKey, Instant receivedAt) {
}
