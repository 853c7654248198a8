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
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/** Encrypts department signing secrets at rest (AES-256-GCM, random 96-bit nonce prefixed). */
@Component
class SecretCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(SecretProperties properties, InternalTokenProperties tokenProperties, Environment environment) {
        this.key = new SecretKeySpec(keyBytes(properties, tokenProperties, environment), "AES");
    }

    private static byte[] keyBytes(SecretProperties properties, InternalTokenProperties tokenProperties,
            Environment environment) {
        if (properties.encryptionKey() != null && !properties.encryptionKey().isBlank()) {
            byte[] configured = Base64.getDecoder().decode(properties.encryptionKey().trim());
            if (configured.length < 32) {
                throw new IllegalStateException("sanction.secrets.encryption-key must be base64 of at least 32 bytes");
            }
            return Arrays.copyOf(configured, 32);
        }
        if (!environment.acceptsProfiles(Profiles.of("local", "test"))) {
            throw new IllegalStateException("sanction.secrets.encryption-key (env SANCTION_SECRETS_ENCRYPTION_KEY) is not set: "
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

    byte[] decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a signing secret (was the encryption key changed?)", e);
        }
    }
}
