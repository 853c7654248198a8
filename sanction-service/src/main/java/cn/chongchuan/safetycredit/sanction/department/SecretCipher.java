package cn.chongchuan.safetycredit.sanction.department;

import cn.chongchuan.safetycredit.platform.crypto.AesGcmKeyRing;
import cn.chongchuan.safetycredit.platform.token.InternalTokenProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Encrypts department signing secrets at rest (AES-256-GCM, random 96-bit nonce prefixed) with the
 * current key; while that key is rotated, the previous keys only decrypt. Each stored secret records
 * the id of the key that encrypted it ({@code department_secret.encryption_key_id}, V8).
 */
@Component
class SecretCipher {

    private static final String KEY_LABEL = "sanction-service department-secret encryption key id\n";
    private static final String KEY_NAMES = "sanction.secrets.encryption-key nor a previous-encryption-key";

    private final AesGcmKeyRing keys;

    SecretCipher(SecretProperties properties, InternalTokenProperties tokenProperties, Environment environment) {
        byte[] current = keyBytes(properties, tokenProperties, environment);
        Set<String> seen = new HashSet<>(Set.of(AesGcmKeyRing.keyId(KEY_LABEL, current)));
        List<byte[]> previous = new ArrayList<>();
        for (int i = 0; i < properties.previousEncryptionKeys().size(); i++) {
            byte[] key = configuredKey("sanction.secrets.previous-encryption-keys[" + i + "]",
                    properties.previousEncryptionKeys().get(i));
            if (!seen.add(AesGcmKeyRing.keyId(KEY_LABEL, key))) {
                throw new IllegalStateException("sanction.secrets.previous-encryption-keys[" + i
                        + "] repeats the current encryption key or another previous key");
            }
            previous.add(key);
        }
        this.keys = new AesGcmKeyRing(KEY_LABEL, "a signing secret", current, previous);
    }

    private static byte[] configuredKey(String name, String value) {
        byte[] configured;
        try {
            configured = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not valid base64");
        }
        if (configured.length < 32) {
            throw new IllegalStateException(name + " must be base64 of at least 32 bytes");
        }
        return Arrays.copyOf(configured, 32);
    }

    /** The id of the current key, the one {@link #encrypt} uses. */
    String keyId() {
        return keys.currentKeyId();
    }

    /** The ids of the previous keys, used only to decrypt while a rotation runs. */
    List<String> previousKeyIds() {
        return keys.previousKeyIds();
    }

    private static byte[] keyBytes(SecretProperties properties, InternalTokenProperties tokenProperties,
            Environment environment) {
        if (properties.encryptionKey() != null && !properties.encryptionKey().isBlank()) {
            return configuredKey("sanction.secrets.encryption-key", properties.encryptionKey());
        }
        if (!environment.acceptsProfiles(Profiles.of("local", "test"))) {
            throw new IllegalStateException("sanction.secrets.encryption-key (env SANCTION_SECRETS_ENCRYPTIONKEY) is not set: "
                    + "give the base64 of 32 random bytes (openssl rand -base64 32); only the local and test profiles "
                    + "derive a key from the internal token secret");
        }
        // Local runs and tests only: a key derived from the internal token secret.
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tokenProperties.keyBytes(), "HmacSHA256"));
            return mac.doFinal("sanction-service/department-secrets/v1".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the secret encryption key", e);
        }
    }

    byte[] encrypt(byte[] plain) {
        return keys.encrypt(plain);
    }

    /**
     * The plain secret. {@code storedKeyId} is the recorded id of the key that encrypted it: the
     * current key's or a previous one's; any other is refused. Without one (rows from before V8) each
     * configured key is tried, current first.
     */
    byte[] decrypt(byte[] stored, String storedKeyId) {
        return keys.decrypt(stored, storedKeyId, KEY_NAMES);
    }

    /** The id of the configured key (current first) that opens the stored secret, if any. */
    Optional<String> keyIdOpening(byte[] stored) {
        return keys.keyIdOpening(stored);
    }
}
