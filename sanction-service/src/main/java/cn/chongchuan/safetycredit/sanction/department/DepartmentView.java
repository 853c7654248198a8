package cn.chongchuan.safetycredit.sanction.department;

import java.time.Instant;
import java.util.List;

/**
 * A department as ADMIN sees it: never a secret, only the ids and fingerprints of active ones, and the
 * public keys ({@code whpk_…}) of its active Ed25519 key pairs; and whether notices are pushed to its
 * endpoint ({@code endpoint}: enabled, or disabled and why).
 */
public record DepartmentView(String code, String name, String fullName, List<String> roles, String endpointUrl,
        boolean enabled, String contact, List<SecretView> activeSecrets, List<PublicKeyView> ed25519Keys,
        Instant updatedAt, EndpointState endpoint) {

    /** An active signing secret, identified without revealing it. */
    public record SecretView(String keyId, String fingerprint, Instant createdAt) {
    }

    /** An active Ed25519 key pair, by its public key ({@code whpk_} + base64 of the raw 32 bytes). */
    public record PublicKeyView(String keyId, String publicKey, Instant createdAt) {
    }
}
