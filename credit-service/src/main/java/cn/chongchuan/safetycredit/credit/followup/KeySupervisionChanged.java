package cn.chongchuan.safetycredit.credit.followup;

/**
 * Published (as a Spring application event, inside the transaction) when a subject's key
 * supervision starts or changes; the check cache treats it like a listing change.
 */
public record KeySupervisionChanged(String subjectKey) {
}
