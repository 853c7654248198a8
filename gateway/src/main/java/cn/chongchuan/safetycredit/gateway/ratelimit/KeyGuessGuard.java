package cn.chongchuan.safetycredit.gateway.ratelimit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;

/**
 * Slows API-key guessing: each client IP may present at most {@code maxPerWindow} unknown keys per
 * window (a fixed window counted in Redis, so it holds across gateway instances). Past that, every
 * unknown key from the IP gets 429 until the window ends. Only unknown keys are counted and only
 * unknown keys are refused: a valid key is never refused, whoever else shares its address (a
 * district's offices sit behind one NAT). That a valid key then answers differently from a refused
 * guess gives a guesser nothing: department keys are random 256-bit values. A missing key is not a
 * guess. When Redis is unreachable the guard lets requests through (keys are still checked), like
 * the other rate limits.
 */
public class KeyGuessGuard {

    private static final Logger log = LoggerFactory.getLogger(KeyGuessGuard.class);
    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);

    private final ReactiveStringRedisTemplate redis;
    private final KeyResolver clientIp;
    private final KeyGuessProperties properties;
    private final Clock clock;

    public KeyGuessGuard(ReactiveStringRedisTemplate redis, KeyResolver clientIp, KeyGuessProperties properties, Clock clock) {
        this.redis = redis;
        this.clientIp = clientIp;
        this.properties = properties;
        this.clock = clock;
    }

    /** How long this client must wait, or empty when it may present keys. */
    public Mono<Duration> blocked(ServerWebExchange exchange) {
        return counterKey(exchange)
                .flatMap(key -> redis.opsForValue().get(key))
                .filter(count -> Long.parseLong(count) >= properties.maxPerWindow())
                .map(count -> untilWindowEnds())
                .timeout(REDIS_TIMEOUT)
                .onErrorResume(e -> {
                    log.warn("key-guess guard skipped: Redis unreachable ({})", e.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    /** Counts an unknown key presented by this client. */
    public Mono<Void> recordGuess(ServerWebExchange exchange) {
        return counterKey(exchange)
                .flatMap(key -> redis.opsForValue().increment(key)
                        .flatMap(count -> count == 1
                                ? redis.expire(key, properties.window().plusSeconds(1)).thenReturn(count)
                                : Mono.just(count)))
                .timeout(REDIS_TIMEOUT)
                .onErrorResume(e -> Mono.empty())
                .then();
    }

    private Mono<String> counterKey(ServerWebExchange exchange) {
        long window = clock.millis() / properties.window().toMillis();
        return clientIp.resolve(exchange).map(ip -> "key-guesses:" + ip + ":" + window);
    }

    private Duration untilWindowEnds() {
        long windowMillis = properties.window().toMillis();
        long left = windowMillis - clock.millis() % windowMillis;
        return Duration.ofSeconds(Math.max(1, (left + 999) / 1000));
    }
}
