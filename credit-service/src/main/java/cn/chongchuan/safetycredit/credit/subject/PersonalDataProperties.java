package cn.chongchuan.safetycredit.credit.subject;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keys protecting personal ID numbers: an HMAC-SHA256 key for the lookup hash and an AES-256 key
 * for the encrypted copy, each the base64 of 32 random bytes. No default outside the local profile.
 *
 * <p>While the HMAC key is rotated, the former keys are {@code previous-hmac-keys}: persons still
 * hashed under one of them are found and checked as before until the re-hash moves them to the
 * current key (docs/credit-service.md, "Rotating the HMAC key").
 *
 * <p>While the encryption key is rotated, the former keys are {@code previous-encryption-keys}: used
 * only to decrypt, until the re-encryption moves every stored number to the current key
 * (docs/credit-service.md, "Rotating the encryption key").
 */
@ConfigurationProperties("credit.personal-data")
public record PersonalDataProperties(String hmacKey, String encryptionKey, List<String> previousHmacKeys,
        List<String> previousEncryptionKeys) {

    public PersonalDataProperties {
        requireKey("credit.personal-data.hmac-key (env CREDIT_PERSONALDATA_HMACKEY)", hmacKey);
        requireKey("credit.personal-data.encryption-key (env CREDIT_PERSONALDATA_ENCRYPTIONKEY)", encryptionKey);
        if (hmacKey.equals(encryptionKey)) {
            throw new IllegalArgumentException("credit.personal-data.hmac-key and encryption-key must differ");
        }
        previousHmacKeys = previousHmacKeys == null ? List.of()
                : previousHmacKeys.stream().filter(k -> k != null && !k.isBlank()).map(String::trim).toList();
        Set<String> seen = new HashSet<>(Set.of(hmacKey.trim(), encryptionKey.trim()));
        for (int i = 0; i < previousHmacKeys.size(); i++) {
            requireKey("credit.personal-data.previous-hmac-keys[" + i + "]", previousHmacKeys.get(i));
            if (!seen.add(previousHmacKeys.get(i))) {
                throw new IllegalArgumentException("credit.personal-data.previous-hmac-keys[" + i
                        + "] repeats the current HMAC key, the encryption key or another previous key");
            }
        }
        previousEncryptionKeys = previousEncryptionKeys == null ? List.of()
                : previousEncryptionKeys.stream().filter(k -> k != null && !k.isBlank()).map(String::trim).toList();
        for (int i = 0; i < previousEncryptionKeys.size(); i++) {
            requireKey("credit.personal-data.previous-encryption-keys[" + i + "]", previousEncryptionKeys.get(i));
            if (!seen.add(previousEncryptionKeys.get(i))) {
                throw new IllegalArgumentException("credit.personal-data.previous-encryption-keys[" + i
                        + "] repeats the current encryption key, an HMAC key or another previous key");
            }
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

    List<byte[]> previousHmacKeyBytes() {
        return previousHmacKeys.stream().map(k -> Base64.getDecoder().decode(k)).toList();
    }

    List<byte[]> previousEncryptionKeyBytes() {
        return previousEncryptionKeys.stream().map(k -> Base64.getDecoder().decode(k)).toList();
    }

    byte[] encryptionKeyBytes() {
        return Base64.getDecoder().decode(encryptionKey.trim());
    }
}
