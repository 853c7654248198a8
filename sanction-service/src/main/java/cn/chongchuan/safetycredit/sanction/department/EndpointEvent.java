package cn.chongchuan.safetycredit.sanction.department;

import java.time.Instant;

/**
 * What the credit office is told about a department's endpoint: it was disabled (and why) or
 * enabled again. Never the URL or anything the endpoint wrote.
 *
 * @param kind       DISABLED or ENABLED
 * @param reason     why it was disabled (null for ENABLED)
 * @param httpStatus the answer that disabled it, if one did (410)
 * @param detail     a short description written by this service
 * @param actor      the dispatcher, or the ADMIN department that acted
 */
public record EndpointEvent(long id, String department, Kind kind, EndpointDisabledReason reason, Integer httpStatus,
        String detail, String actor, Instant occurredAt) {

    /** What happened to the endpoint. */
    public enum Kind { DISABLED, ENABLED }
}
