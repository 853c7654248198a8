package cn.chongchuan.safetycredit.credit.changes;

import java.time.Instant;

/** One row of {@code change_watch}: a department's reference for a subject (a person under one of its keys). */
record WatchRow(String departmentCode, String reference, String subjectKey, String subjectType, boolean previousKey,
        Instant createdAt) {
}
