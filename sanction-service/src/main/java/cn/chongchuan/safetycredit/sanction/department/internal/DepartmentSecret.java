package cn.chongchuan.safetycredit.sanction.department.internal;

import java.time.Instant;

/** One stored signing secret of a department, still encrypted. */
public record DepartmentSecret(long id, String departmentCode, String keyId, byte[] encryptedSecret,
        String encryptionKeyId, String fingerprint, Instant createdAt, Instant retiredAt) {
}
