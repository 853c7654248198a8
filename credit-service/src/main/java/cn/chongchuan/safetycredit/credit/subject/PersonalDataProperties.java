package cn.chongchuan.safetycredit.credit.subject;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Base64;

/**
 * Keys protecting personal ID numbers: an HMAC-SHA256 key for the lookup hash and an AES-256 key
 * for the encrypted copy, each the base64 of 32 random bytes. No default outside the local profile.
 */
@ConfigurationProperties("credit.personal-data")
public record PersonalDataProperties(String hmacKey, String encryptionKey) {

    public PersonalDataProperties {
        requireKey("credit.personal-data.hmac-key (env CREDIT_PERSONALDATA_HMACKEY)", hmacKey);
        requireKey("credit.personal-data.encryption-key (env CREDIT_PERSONALDATA_ENCRYPTIONKEY)", encryptionKey);
        if (hmacKey.equals(encryptionKey)) {
            throw new IllegalArgumentException("credit.personal-data.hmac-key and encryption-key must differ");
        }
    }

    private static void requireKey(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set: give the base64 of 32 random bytes "
                    + "(openssl rand -base64 32); development keys exist only in the 'local' profile");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not valid base64");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(name + " must decode to 32 bytes, not " + key.length);
        }
    }

    byte[] hmacKeyBytes() {
        return Base64.getDecoder().decode(hmacKey.trim());
    }

    byte[] encryptionKeyBytes() {
        return Base64.getDecoder().decode(encryptionKey.trim());
    }
}
