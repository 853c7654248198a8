package cn.chongchuan.safetycredit.sanction.department.internal;

import java.time.Instant;

/** One stored Ed25519 key pair of a department: the raw public key, and the private key still encrypted. */
public record DepartmentSigningKey(long id, String departmentCode, String keyId, byte[] publicKey,
        byte[] encryptedPrivateKey, String encryptionKeyId, Instant createdAt, Instant retiredAt) {
}
