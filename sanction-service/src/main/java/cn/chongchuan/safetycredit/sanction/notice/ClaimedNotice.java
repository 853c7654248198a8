package cn.chongchuan.safetycredit.sanction.notice;

/** A notice a dispatcher holds the lease on, with what it needs to send it. */
public record ClaimedNotice(String id, String departmentCode, String body, int attempts, int failedRounds) {
}
