package cn.chongchuan.safetycredit.sanction.department;

import cn.chongchuan.safetycredit.platform.token.InternalTokenProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
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

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final String keyId;
    private final List<SecretKeySpec> previousKeys = new ArrayList<>();
    private final List<String> previousKeyIds = new ArrayList<>();
    private final SecureRandom random = new SecureRandom();

    SecretCipher(SecretProperties properties, InternalTokenProperties tokenProperties, Environment environment) {
        byte[] current = keyBytes(properties, tokenProperties, environment);
        this.key = new SecretKeySpec(current, "AES");
        this.keyId = keyId(current);
        Set<String> seen = new HashSet<>(Set.of(keyId));
        for (int i = 0; i < properties.previousEncryptionKeys().size(); i++) {
            byte[] previous = configuredKey("sanction.secrets.previous-encryption-keys[" + i + "]",
                    properties.previousEncryptionKeys().get(i));
            if (!seen.add(keyId(previous))) {
                throw new IllegalStateException("sanction.secrets.previous-encryption-keys[" + i
                        + "] repeats the current encryption key or another previous key");
            }
            previousKeys.add(new SecretKeySpec(previous, "AES"));
            previousKeyIds.add(keyId(previous));
        }
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

    /** 16 hex characters of SHA-256 over a fixed label and the key: names the key, reveals nothing of it. */
    private static String keyId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("sanction-service department-secret encryption key id\n".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The id of the current key, the one {@link #encrypt} uses. */
    String keyId() {
        return keyId;
    }

    /** The ids of the previous keys, used only to decrypt while a rotation runs. */
    List<String> previousKeyIds() {
        return List.copyOf(previousKeyIds);
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
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a signing secret", e);
        }
    }

    /**
     * The plain secret. {@code storedKeyId} is the recorded id of the key that encrypted it: the
     * current key's or a previous one's; any other is refused. Without one (rows from before V8) each
     * configured key is tried, current first: AES-GCM's tag refuses a wrong key.
     */
    byte[] decrypt(byte[] stored, String storedKeyId) {
        if (storedKeyId != null) {
            if (storedKeyId.equals(keyId)) {
                return decrypt(stored, key);
            }
            int previous = previousKeyIds.indexOf(storedKeyId);
            if (previous < 0) {
                throw new IllegalStateException("cannot decrypt a signing secret: it was encrypted with key id "
                        + storedKeyId + ", which is neither sanction.secrets.encryption-key nor a previous-encryption-key");
            }
            return decrypt(stored, previousKeys.get(previous));
        }
        IllegalStateException failure = null;
        for (SecretKeySpec candidate : allKeys()) {
            try {
                return decrypt(stored, candidate);
            } catch (IllegalStateException wrongKey) {
                failure = wrongKey;
            }
        }
        throw failure;
    }

    /** The id of the configured key (current first) that opens the stored secret, if any. */
    Optional<String> keyIdOpening(byte[] stored) {
        List<SecretKeySpec> keys = allKeys();
        for (int i = 0; i < keys.size(); i++) {
            try {
                decrypt(stored, keys.get(i));
                return Optional.of(i == 0 ? keyId : previousKeyIds.get(i - 1));
            } catch (RuntimeException wrongKeyOrDamaged) {
                // AES-GCM's tag refuses a wrong key; a damaged value opens under none.
            }
        }
        return Optional.empty();
    }

    private List<SecretKeySpec> allKeys() {
        List<SecretKeySpec> keys = new ArrayList<>();
        keys.add(key);
        keys.addAll(previousKeys);
        return keys;
    }

    private static byte[] decrypt(byte[] stored, SecretKeySpec key) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a signing secret (was the encryption key changed?)", e);
        }
    }
}
