package cn.chongchuan.safetycredit.sanction.notice.domain;

/**
 * Where a notice stands in its delivery. QUEUED waits for its next attempt; IN_FLIGHT is leased by
 * one dispatcher; DELIVERED got a 2xx; REJECTED got a final 4xx and is flagged for ADMIN; DEAD ran
 * out of the retry schedule; PULL is kept for a department without an endpoint to fetch.
 */
public enum DeliveryStatus {
    QUEUED, IN_FLIGHT, DELIVERED, REJECTED, DEAD, PULL;

    /** Whether the notice has reached (or is available to) its department. */
    public boolean reachedDepartment() {
        return this == DELIVERED || this == PULL;
    }
}
