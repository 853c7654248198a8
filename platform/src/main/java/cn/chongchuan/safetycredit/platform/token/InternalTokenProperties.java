package cn.chongchuan.safetycredit.platform.token;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The shared internal signing key (base64, at least 256 bits) with which the gateway signs the
 * identity it forwards and the services verify it; plus the issuer and lifetime of those tokens.
 *
 * <p>While the key is rotated, {@code previous-secrets} holds other keys (same format) that tokens
 * are still accepted with: tokens are always signed with {@code secret} and verified with
 * {@code secret} or any previous secret (docs/gateway.md, "Identity forwarded to the services").
 */
@ConfigurationProperties("security.internal-token")
public record InternalTokenProperties(
        String secret,
        @DefaultValue("safety-credit-gateway") String issuer,
        @DefaultValue("PT60S") Duration ttl,
        List<String> previousSecrets) {

    /** Longest lifetime a service accepts; the gateway mints tokens per request. */
    public static final Duration MAX_TTL = Duration.ofSeconds(60);

    @ConstructorBinding
    public InternalTokenProperties {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("security.internal-token.secret (env SECURITY_INTERNAL_TOKEN_SECRET) "
                    + "is not set: give the base64 of a random key of at least 32 bytes, the same for the gateway and every service");
        }
        requireKey("security.internal-token.secret", secret);
        previousSecrets = previousSecrets == null ? List.of()
                : previousSecrets.stream().filter(key -> key != null && !key.isBlank()).map(String::trim).toList();
        for (int i = 0; i < previousSecrets.size(); i++) {
            requireKey("security.internal-token.previous-secrets[" + i + "]", previousSecrets.get(i));
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("security.internal-token.ttl must be between 1 s and 60 s, not " + ttl);
        }
    }

    /** The current key only, no previous ones. */
    public InternalTokenProperties(String secret, String issuer, Duration ttl) {
        this(secret, issuer, ttl, List.of());
    }

    private static void requireKey(String name, String value) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not valid base64");
        }
        if (key.length < 32) {
            throw new IllegalArgumentException(name + " must decode to at least 32 bytes, not " + key.length);
        }
    }

    /** The raw HMAC key tokens are signed with. */
    public byte[] keyBytes() {
        return Base64.getDecoder().decode(secret.trim());
    }

    /** The raw HMAC keys tokens are still accepted with besides {@link #keyBytes()}, in the configured order. */
    public List<byte[]> previousKeyBytes() {
        return previousSecrets.stream().map(key -> Base64.getDecoder().decode(key)).toList();
    }
}
