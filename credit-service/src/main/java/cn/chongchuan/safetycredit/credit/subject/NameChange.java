package cn.chongchuan.safetycredit.credit.subject;

import java.time.Instant;

/** One audited change of a registered name, as the subject page shows it. */
public record NameChange(String oldName, String newName, String reason, String actorDepartment, String actorRole,
                         Instant changedAt) {
}
