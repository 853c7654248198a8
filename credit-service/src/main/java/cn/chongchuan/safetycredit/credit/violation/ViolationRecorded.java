package cn.chongchuan.safetycredit.credit.violation;

/**
 * Published (as a Spring application event, inside the recording transaction) when a penalty
 * decision is recorded, so that the case's follow-up plan is opened in the same transaction.
 */
public record ViolationRecorded(long violationId, String department) {
}
