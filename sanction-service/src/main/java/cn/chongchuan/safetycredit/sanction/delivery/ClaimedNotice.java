package cn.chongchuan.safetycredit.sanction.delivery;

/** A notice this dispatcher holds the lease on, with what it needs to send it. */
public record ClaimedNotice(String id, String departmentCode, String body, int attempts, int failedRounds) {
}
