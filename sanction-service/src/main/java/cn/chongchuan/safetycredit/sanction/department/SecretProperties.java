package cn.chongchuan.safetycredit.sanction.department;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How department signing secrets are kept at rest: {@code encryption-key} is base64 of at least
 * 32 bytes (the AES key). Required outside the local and test profiles, where a key is derived from
 * the internal token secret instead.
 */
@ConfigurationProperties("sanction.secrets")
public record SecretProperties(String encryptionKey) {
}
