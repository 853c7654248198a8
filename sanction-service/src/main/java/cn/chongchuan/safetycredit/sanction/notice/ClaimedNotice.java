package cn.chongchuan.safetycredit.sanction.notice;

/**
 * A notice a dispatcher holds the lease on, with what it needs to send it.
 *
 * @param traceparent the trace its delivery continues (the listing event's), or null
 */
public record ClaimedNotice(String id, String departmentCode, String body, int attempts, int failedRounds,
        String traceparent) {
}
