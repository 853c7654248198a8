package cn.chongchuan.safetycredit.credit.changes;

import java.time.Instant;

/** One row of {@code subject_change}: a change of what the check answers about a subject. */
record ChangeRow(long seq, String subjectKey, String subjectType, String kind, String source, String status,
        Long listingId, String formerSubjectKey, Instant changedAt) {
}
