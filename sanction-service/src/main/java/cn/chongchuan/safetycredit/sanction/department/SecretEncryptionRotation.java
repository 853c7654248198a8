package cn.chongchuan.safetycredit.sanction.department;

import cn.chongchuan.safetycredit.sanction.department.internal.DepartmentMapper;
import cn.chongchuan.safetycredit.sanction.department.internal.DepartmentSecret;
import cn.chongchuan.safetycredit.sanction.department.internal.DepartmentSigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * Rotating the key that encrypts the departments' signing secrets at rest. The new key becomes
 * {@code sanction.secrets.encryption-key} and the old one {@code previous-encryption-keys} (used only
 * to decrypt); the re-encryption rewrites each stored secret, active or retired, under the current
 * key and records its key id, and so each stored Ed25519 private key (V9; its key id is named among
 * {@code unreadableSigningKeys} when it cannot be read, like a secret's). The secrets and key pairs
 * themselves do not change: partners notice nothing.
 */
@Service
class SecretEncryptionRotation {

    private static final Logger log = LoggerFactory.getLogger(SecretEncryptionRotation.class);
    private static final int PAGE = 500;

    private final DepartmentMapper departments;
    private final SecretCipher cipher;

    SecretEncryptionRotation(DepartmentMapper departments, SecretCipher cipher) {
        this.departments = departments;
        this.cipher = cipher;
    }

    /** How many stored secrets and private keys each key encrypted, which key is current, how many still wait. */
    Status status() {
        List<KeyUse> keys = departments.countSecretsByEncryptionKey().stream()
                .map(c -> new KeyUse(c.keyId(), role(c.keyId()), c.secrets())).toList();
        long waiting = keys.stream().filter(k -> !"CURRENT".equals(k.role())).mapToLong(KeyUse::secrets).sum();
        return new Status(cipher.keyId(), cipher.previousKeyIds(), keys, waiting);
    }

    /**
     * Re-encrypts up to {@code limit} stored secrets not under the current key; returns what remains.
     * A row is replaced only if its ciphertext is still the one read: safe to repeat, and on several
     * instances at once.
     */
    Reencrypted reencrypt(int limit) {
        String current = cipher.keyId();
        int moved = 0;
        List<String> unreadable = new ArrayList<>();
        long after = 0;
        int seen = 0;
        for (List<DepartmentSecret> page = departments.secretsNotEncryptedWith(current, after, Math.min(limit, PAGE));
                !page.isEmpty() && seen < limit;
                page = departments.secretsNotEncryptedWith(current, after, Math.min(limit - seen, PAGE))) {
            for (DepartmentSecret secret : page) {
                after = secret.id();
                seen++;
                byte[] plain;
                try {
                    plain = cipher.decrypt(secret.encryptedSecret(), secret.encryptionKeyId());
                } catch (RuntimeException cannotRead) {
                    // Only the signing key id, never the secret or the exception's text.
                    unreadable.add(secret.keyId());
                    continue;
                }
                moved += departments.reencryptSecret(secret.id(), secret.encryptedSecret(), cipher.encrypt(plain), current);
            }
        }
        // Then the Ed25519 private keys (V9), with what is left of the limit.
        after = 0;
        for (List<DepartmentSigningKey> page = seen < limit
                ? departments.signingKeysNotEncryptedWith(current, after, Math.min(limit - seen, PAGE)) : List.of();
                !page.isEmpty() && seen < limit;
                page = departments.signingKeysNotEncryptedWith(current, after, Math.min(limit - seen, PAGE))) {
            for (DepartmentSigningKey key : page) {
                after = key.id();
                seen++;
                byte[] plain;
                try {
                    plain = cipher.decrypt(key.encryptedPrivateKey(), key.encryptionKeyId());
                } catch (RuntimeException cannotRead) {
                    unreadable.add(key.keyId());
                    continue;
                }
                moved += departments.reencryptSigningKey(key.id(), key.encryptedPrivateKey(), cipher.encrypt(plain),
                        current);
            }
        }
        long waiting = status().waitingForReencryption();
        log.info("department secrets: {} re-encrypted under encryption key id {}, {} still under another key{}", moved,
                current, waiting, unreadable.isEmpty() ? "" : "; unreadable signing keys: " + unreadable);
        return new Reencrypted(moved, unreadable, waiting);
    }

    private String role(String keyId) {
        if (keyId == null) {
            return "UNRECORDED";
        }
        if (cipher.keyId().equals(keyId)) {
            return "CURRENT";
        }
        return cipher.previousKeyIds().contains(keyId) ? "PREVIOUS" : "UNKNOWN";
    }

    record Status(String currentKeyId, List<String> previousKeyIds, List<KeyUse> keys, long waitingForReencryption) {
    }

    record KeyUse(String keyId, String role, long secrets) {
    }

    record Reencrypted(int reencrypted, List<String> unreadableSigningKeys, long waitingForReencryption) {
    }
}
