package cn.chongchuan.safetycredit.platform.token;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Base64;

/**
 * The shared internal signing key (base64, at least 256 bits) with which the gateway signs the
 * identity it forwards and the services verify it; plus the issuer and lifetime of those tokens.
 */
@ConfigurationProperties("security.internal-token")
public record InternalTokenProperties(
        String secret,
        @DefaultValue("safety-credit-gateway") String issuer,
        @DefaultValue("PT60S") Duration ttl) {

    /** Longest lifetime a service accepts; the gateway mints tokens per request. */
    public static final Duration MAX_TTL = Duration.ofSeconds(60);

    public InternalTokenProperties {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("security.internal-token.secret (env SECURITY_INTERNAL_TOKEN_SECRET) "
                    + "is not set: give the base64 of a random key of at least 32 bytes, the same for the gateway and every service");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(secret.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("security.internal-token.secret is not valid base64");
        }
        if (key.length < 32) {
            throw new IllegalArgumentException("security.internal-token.secret must decode to at least 32 bytes, not "
                    + key.length);
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("security.internal-token.ttl must be between 1 s and 60 s, not " + ttl);
        }
    }

    /** The raw HMAC key. */
    public byte[] keyBytes() {
        return Base64.getDecoder().decode(secret.trim());
    }
}
