package cn.chongchuan.safetycredit.credit.check.cache;

import cn.chongchuan.safetycredit.credit.check.domain.FactsCodec;
import cn.chongchuan.safetycredit.credit.check.domain.SubjectFacts;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.ClusterSlotHashUtil;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Redis check cache: one string entry per subject ({@code ck:<subject key>}) holding the
 * subject's facts and version (see {@link FactsCodec}). Reads are one MGET per request. Every
 * write goes through a Lua script that replaces an entry only with a strictly newer version, so a
 * reader that loaded old facts before a listing committed can never overwrite what the listing's
 * after-commit update wrote. Redis failures open a circuit breaker: while it is open, calls skip
 * Redis at once and the caller answers from the database.
 */
public class CheckCache {

    private static final Logger log = LoggerFactory.getLogger(CheckCache.class);

    /** Prefix of every entry. */
    public static final String PREFIX = "ck:";

    /** Prefix of the version marker a listing change leaves behind (see {@link #GUARDED_SET}). */
    public static final String MARKER_PREFIX = "cv:";

    /**
     * KEYS[1] the entry, KEYS[2] the subject's change marker; ARGV[1] version, ARGV[2] encoded facts,
     * ARGV[3] entry TTL ms, ARGV[4] "1" for a write after a listing change, ARGV[5] marker TTL ms.
     * A write is refused when the entry holds this version or a newer one, or when a listing change
     * already left a newer version in the marker. The marker is what keeps the guard working when
     * the entry itself has expired or been evicted between the change's write and an old reader's
     * fill. Returns 1 when written, 0 when refused.
     */
    static final String GUARDED_SET = """
            local v = tonumber(ARGV[1])
            local marker = tonumber(redis.call('GET', KEYS[2]) or '-1')
            if ARGV[4] == '1' and v > marker then
              redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[5])
            end
            if marker > v then
              return 0
            end
            local current = redis.call('GET', KEYS[1])
            if current then
              local bar = string.find(current, '|', 1, true)
              if bar and tonumber(string.sub(current, 1, bar - 1)) >= v then
                return 0
              end
            end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 1
            """;

    /** How long a change marker lives: far longer than any read that could race with the change. */
    static final Duration MARKER_TTL = Duration.ofDays(1);

    private static final byte[] SCRIPT = GUARDED_SET.getBytes(StandardCharsets.UTF_8);

    private final StringRedisTemplate redis;
    private final Duration ttl;
    private final CircuitBreaker breaker;
    private final Counter hits;
    private final Counter misses;
    private final Counter written;
    private final Counter rejected;
    private final Counter failures;

    public CheckCache(StringRedisTemplate redis, Duration ttl, Duration pause, MeterRegistry meters) {
        this.redis = redis;
        this.ttl = ttl;
        this.breaker = CircuitBreaker.of("check-cache", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(50)
                .waitDurationInOpenState(pause)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        this.hits = Counter.builder("credit.check.cache.requests").tag("result", "hit")
                .description("check cache lookups").register(meters);
        this.misses = Counter.builder("credit.check.cache.requests").tag("result", "miss")
                .description("check cache lookups").register(meters);
        this.written = Counter.builder("credit.check.cache.writes").tag("outcome", "written")
                .description("guarded cache writes").register(meters);
        this.rejected = Counter.builder("credit.check.cache.writes").tag("outcome", "rejected-by-version")
                .description("guarded cache writes").register(meters);
        this.failures = Counter.builder("credit.check.cache.failures")
                .description("Redis calls that failed or were skipped while Redis was down").register(meters);
    }

    /**
     * The cached facts of each subject, in the order asked, {@code null} where not cached; empty when
     * Redis cannot be used now.
     */
    public Optional<List<SubjectFacts>> lookup(List<String> subjectKeys) {
        Optional<List<String>> values = call(() -> redis.opsForValue().multiGet(subjectKeys.stream().map(CheckCache::entry).toList()));
        if (values.isEmpty()) {
            return Optional.empty();
        }
        List<SubjectFacts> found = new ArrayList<>(subjectKeys.size());
        int hit = 0;
        for (int i = 0; i < subjectKeys.size(); i++) {
            String value = values.get().get(i);
            if (value == null) {
                found.add(null);
                continue;
            }
            try {
                found.add(FactsCodec.decode(subjectKeys.get(i), value));
                hit++;
            } catch (RuntimeException corrupt) {
                log.warn("unreadable check cache entry for {} ignored", subjectKeys.get(i));
                found.add(null);
            }
        }
        hits.increment(hit);
        misses.increment(subjectKeys.size() - hit);
        return Optional.of(found);
    }

    /**
     * Writes each subject's facts unless the entry already holds the same or a newer version; one
     * pipelined round trip. Returns how many were written, or -1 when Redis cannot be used now.
     */
    public int store(Collection<SubjectFacts> facts) {
        return store(facts, false);
    }

    /** As {@link #store(Collection)}, for the write that follows a committed listing change. */
    public int storeChanged(Collection<SubjectFacts> facts) {
        return store(facts, true);
    }

    private int store(Collection<SubjectFacts> facts, boolean change) {
        if (facts.isEmpty()) {
            return 0;
        }
        byte[] ttlMillis = Long.toString(ttl.toMillis()).getBytes(StandardCharsets.US_ASCII);
        byte[] changeFlag = (change ? "1" : "0").getBytes(StandardCharsets.US_ASCII);
        Optional<List<Object>> results = call(() -> redis.executePipelined((RedisCallback<Object>) connection -> {
            for (SubjectFacts f : facts) {
                eval(connection, f, ttlMillis, changeFlag);
            }
            return null;
        }));
        if (results.isEmpty()) {
            return -1;
        }
        int count = 0;
        for (Object result : results.get()) {
            if (result instanceof Long n && n == 1L) {
                count++;
            }
        }
        written.increment(count);
        rejected.increment(results.get().size() - count);
        return count;
    }

    /**
     * Key that lives as long as Redis keeps its data (no TTL): its absence means Redis came back
     * empty. On a Redis Cluster every master keeps one of its own ({@code ck:epoch{<tag>}}, the tag
     * chosen to hash into a slot that master serves), since one master can come back empty while
     * the others keep their data.
     */
    public static final String EPOCH = "ck:epoch";

    /**
     * Recreates the epoch key (on a cluster, each master's) if it is missing; true for the one
     * caller that recreated one (who should re-warm), false when all were there or Redis cannot be
     * used now.
     */
    public boolean claimEpoch() {
        byte[] now = java.time.Instant.now().toString().getBytes(StandardCharsets.US_ASCII);
        return call(() -> {
            if (!(redis.getConnectionFactory() instanceof LettuceConnectionFactory factory) || !factory.isClusterAware()) {
                return redis.opsForValue().setIfAbsent(EPOCH, new String(now, StandardCharsets.US_ASCII));
            }
            try (RedisClusterConnection cluster = factory.getClusterConnection()) {
                boolean claimed = false;
                for (String key : epochKeys(cluster.clusterGetNodes())) {
                    claimed |= Boolean.TRUE.equals(cluster.stringCommands().setNX(key.getBytes(StandardCharsets.US_ASCII), now));
                }
                return claimed;
            }
        }).map(Boolean.TRUE::equals).orElse(false);
    }

    /** One epoch key per master that serves slots, each hashing into a slot of its master. */
    static List<String> epochKeys(Iterable<RedisClusterNode> nodes) {
        List<String> keys = new ArrayList<>();
        for (RedisClusterNode node : nodes) {
            if (node.isMaster() && !node.isMarkedAsFail()
                    && node.getSlotRange() != null && !node.getSlotRange().getSlots().isEmpty()) {
                keys.add(epochKeyIn(node.getSlotRange()));
            }
        }
        return keys;
    }

    static String epochKeyIn(RedisClusterNode.SlotRange slots) {
        for (int tag = 0; ; tag++) {
            if (slots.contains(ClusterSlotHashUtil.calculateSlot(Integer.toString(tag)))) {
                return EPOCH + "{" + tag + "}";
            }
        }
    }

    /** Whether Redis is being used now (the circuit breaker is not open). */
    public boolean isAvailable() {
        return breaker.getState() != CircuitBreaker.State.OPEN && breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
    }

    /** Entry key of a subject; the braces keep entry and marker in one cluster slot. */
    public static String entry(String subjectKey) {
        return PREFIX + "{" + subjectKey + "}";
    }

    public static String marker(String subjectKey) {
        return MARKER_PREFIX + "{" + subjectKey + "}";
    }

    private static final byte[] MARKER_TTL_MILLIS = Long.toString(MARKER_TTL.toMillis()).getBytes(StandardCharsets.US_ASCII);

    private static void eval(RedisConnection connection, SubjectFacts facts, byte[] ttlMillis, byte[] change) {
        connection.scriptingCommands().eval(SCRIPT, ReturnType.INTEGER, 2,
                entry(facts.subjectKey()).getBytes(StandardCharsets.UTF_8),
                marker(facts.subjectKey()).getBytes(StandardCharsets.UTF_8),
                Long.toString(facts.version()).getBytes(StandardCharsets.US_ASCII),
                FactsCodec.encode(facts).getBytes(StandardCharsets.UTF_8),
                ttlMillis, change, MARKER_TTL_MILLIS);
    }

    private <T> Optional<T> call(Supplier<T> action) {
        if (!breaker.tryAcquirePermission()) {
            failures.increment();
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            T result = action.get();
            breaker.onResult(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS, result);
            return Optional.ofNullable(result);
        } catch (RuntimeException e) {
            breaker.onError(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS, e);
            failures.increment();
            log.warn("check cache unavailable ({}); answering from the database", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
