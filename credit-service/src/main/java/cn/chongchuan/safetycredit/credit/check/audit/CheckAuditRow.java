package cn.chongchuan.safetycredit.credit.check.audit;

import java.time.Instant;

/**
 * One answered check as audited: who asked (department), about whom (subject key; a person only as
 * keyed hash), the answer, its source, the instant asked about, when, and the signed receipt.
 */
public record CheckAuditRow(
        String receiptId,
        String departmentCode,
        String subjectKey,
        String status,
        String source,
        Instant asOf,
        Instant checkedAt,
        String canonical,
        String signature,
        String keyId,
        String batchStatement,
        String proof) {
}
