package cn.chongchuan.safetycredit.sanction.department;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * How department signing secrets are kept at rest: {@code encryption-key} is base64 of at least
 * 32 bytes (the AES key). Required outside the local and test profiles, where a key is derived from
 * the internal token secret instead.
 *
 * <p>While that key is rotated, the former keys are {@code previous-encryption-keys} (validated like
 * the current one): used only to decrypt, until the re-encryption moves every stored secret to the
 * current key (docs/sanction-service.md, "Rotating the encryption key of the secrets").
 */
@ConfigurationProperties("sanction.secrets")
public record SecretProperties(String encryptionKey, List<String> previousEncryptionKeys) {

    public SecretProperties {
        previousEncryptionKeys = previousEncryptionKeys == null ? List.of()
                : previousEncryptionKeys.stream().filter(k -> k != null && !k.isBlank()).map(String::trim).toList();
    }
}
