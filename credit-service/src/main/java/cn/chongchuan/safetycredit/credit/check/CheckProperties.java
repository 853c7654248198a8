package cn.chongchuan.safetycredit.credit.check;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The licensing check.
 *
 * @param cacheEnabled      whether answers are served from Redis (off only to measure the database path)
 * @param cacheTtl          how long a cache entry lives; a listing change rewrites it at once, the TTL bounds
 *                          anything that went wrong (a lost update while Redis was unreachable)
 * @param cachePause        after Redis failed several times, how long checks go straight to the database
 *                          before trying Redis again (a circuit breaker, so a dead Redis costs no timeouts)
 * @param maxBatch          the most codes one batch may hold
 * @param retryAfter        what a 503 (database unreachable and the answer not cached) tells the caller to wait
 * @param signingPrivateKey base64 PKCS#8 Ed25519 private key that signs receipts (required outside 'local')
 * @param signingPublicKey  base64 X.509 Ed25519 public key, published for verification
 * @param signingSpacing    least time between two receipt signatures: under load, the receipts that arrive
 *                          meanwhile share the next one (docs/licensing-check.md, "Receipts signed together")
 * @param rewarmEnabled     fill the cache with every known subject when Redis comes back empty (CacheRewarmer)
 * @param rewarmPage        subjects per page of that re-warm
 * @param audit             the asynchronous audit writer
 * @param measures          where the measure catalogue comes from
 */
@ConfigurationProperties("credit.check")
public record CheckProperties(
        @DefaultValue("true") boolean cacheEnabled,
        @DefaultValue("PT30M") Duration cacheTtl,
        @DefaultValue("PT5S") Duration cachePause,
        @DefaultValue("1000") int maxBatch,
        @DefaultValue("PT5S") Duration retryAfter,
        String signingPrivateKey,
        String signingPublicKey,
        @DefaultValue("PT0.005S") Duration signingSpacing,
        @DefaultValue("true") boolean rewarmEnabled,
        @DefaultValue("1000") int rewarmPage,
        @DefaultValue Audit audit,
        @DefaultValue Measures measures) {

    /**
     * @param flushInterval  how long a check may wait before its audit row is written
     * @param batchSize      rows per insert
     * @param queueCapacity  rows held in memory; when full, the request writes its row itself (never dropped)
     */
    public record Audit(
            @DefaultValue("PT0.5S") Duration flushInterval,
            @DefaultValue("500") int batchSize,
            @DefaultValue("200000") int queueCapacity) {
    }

    /**
     * @param url            sanction-service (env CREDIT_CHECK_MEASURES_URL)
     * @param refresh        how often the catalogue is fetched again
     * @param connectTimeout connection timeout of the catalogue fetch
     * @param readTimeout    read timeout of the catalogue fetch
     * @param seedFile       the copy used until sanction-service has answered once
     */
    public record Measures(
            @DefaultValue("true") boolean fetch,
            @DefaultValue("http://127.0.0.1:8082") String url,
            @DefaultValue("PT5M") Duration refresh,
            @DefaultValue("PT1S") Duration connectTimeout,
            @DefaultValue("PT3S") Duration readTimeout,
            @DefaultValue("classpath:seeds/measures.yaml") String seedFile) {
    }
}
