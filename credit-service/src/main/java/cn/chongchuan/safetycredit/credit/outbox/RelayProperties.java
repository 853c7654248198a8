package cn.chongchuan.safetycredit.credit.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The outbox relay: where listing events go (sanction-service), how often it looks, how many it
 * sends per round, how long a claim lasts (longer than the timeouts), the HTTP timeouts, and the
 * retry backoff (exponential with jitter).
 */
@ConfigurationProperties("credit.relay")
public record RelayProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("http://127.0.0.1:8082") String url,
        @DefaultValue("PT0.5S") Duration interval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("PT1M") Duration lease,
        @DefaultValue("PT2S") Duration connectTimeout,
        @DefaultValue("PT5S") Duration readTimeout,
        @DefaultValue("PT1S") Duration initialBackoff,
        @DefaultValue("PT10M") Duration maxBackoff) {
}
