package cn.chongchuan.safetycredit.sanction.department;

import java.time.Instant;
import java.util.List;

/**
 * A new Ed25519 key pair of a department: its public key ({@code whpk_<base64>}) for the department to
 * verify {@code v1a} signatures with. The private key never leaves the service.
 */
public record IssuedPublicKey(String department, String keyId, String publicKey, Instant createdAt,
        List<String> activeKeyIds) {
}
