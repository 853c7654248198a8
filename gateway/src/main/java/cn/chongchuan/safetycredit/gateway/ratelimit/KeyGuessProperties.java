package cn.chongchuan.safetycredit.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The key-guess limit: at most {@code maxPerWindow} unknown API keys per client IP per
 * {@code window}; past it, the IP's keyed requests get 429 until the window ends.
 */
@ConfigurationProperties("gateway.rate-limit.key-guesses")
public record KeyGuessProperties(
        @DefaultValue("20") int maxPerWindow,
        @DefaultValue("PT1M") Duration window) {

    public KeyGuessProperties {
        if (maxPerWindow < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("gateway.rate-limit.key-guesses needs max-per-window >= 1 and a positive window");
        }
    }
}
