package cn.chongchuan.safetycredit.gateway;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.StaticScriptSource;
import org.springframework.test.util.ReflectionTestUtils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tiny limits (1 request/s, bursts of 3) against the real embedded Redis. The departments (their
 * keys) and client addresses used here are used by no other test: the buckets live in the shared
 * Redis, and a bucket drained here would refuse another test class's requests.
 */
@TestPropertySource(properties = {"gateway.client-ip.trusted-proxies=1",
        "gateway.rate-limit.department.replenish-rate=1", "gateway.rate-limit.department.burst-capacity=3",
        "gateway.rate-limit.public.replenish-rate=1", "gateway.rate-limit.public.burst-capacity=3",
        "gateway.rate-limit.key-guesses.max-per-window=5"})
class RateLimitTest extends GatewayTest {

    @Autowired
    ReactiveStringRedisTemplate redis;
    @Autowired
    MeterRegistry meters;
    @Autowired
    @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME)
    RedisScript<?> rateLimiterScript;

    private double counted(String name, String tag, String value) {
        Counter counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theRateLimitersScriptIsReadOnceNotLookedUpInTheJarOnEveryRequest() throws Exception {
        // The gateway's own script, unchanged: same text, so the same SHA-1 Redis caches it under.
        String shipped = new ClassPathResource("META-INF/scripts/request_rate_limiter.lua")
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(rateLimiterScript.getScriptAsString()).isEqualTo(shipped);
        // A static source: getSha1() no longer asks the jar whether the file changed, on every request.
        assertThat(ReflectionTestUtils.getField(rateLimiterScript, "scriptSource")).isInstanceOf(StaticScriptSource.class);
        assertThat(rateLimiterScript.getSha1()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-1").digest(shipped.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void everyRateLimitedRoutesRefusalCounterExistsBeforeItsFirstRefusal() {
        assertThat(meters.find("gateway.rate.limit.refusals").counters())
                .extracting(counter -> counter.getId().getTag("route"))
                .containsExactlyInAnyOrder("credit-public", "credit-api-docs", "sanction-api-docs", "credit-service",
                        "sanction-service");
    }

    @Test
    void aDepartmentOverItsLimitGets429WithRetryAfterAndTheServiceIsSpared() {
        double refusedBefore = counted("gateway.rate.limit.refusals", "route", "sanction-service");
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            responses.add(getWithKey("/api/v1/notices/1", RATE_TEST_KEY));
        }

        HttpResponse<String> limited = responses.stream().filter(r -> r.statusCode() == 429).findFirst().orElseThrow();
        assertProblem(limited, 429, "too-many-requests");
        assertThat(limited.headers().firstValue("Retry-After")).contains("1");
        long allowed = responses.stream().filter(r -> r.statusCode() == 200).count();
        assertThat(Backends.received(Backends.SANCTION)).hasSize((int) allowed);
        assertThat(allowed).isBetween(3L, 9L);
        assertThat(counted("gateway.rate.limit.refusals", "route", "sanction-service") - refusedBefore)
                .as("refusals counted for the operators").isEqualTo(10 - allowed);
        assertThat(redis.keys("request_rate_limiter.{sanction-service.dept:SCJGJ}*").collectList().block()).isNotEmpty();
    }

    @Test
    void oneDepartmentOverItsLimitDoesNotSlowAnother() {
        for (int i = 0; i < 10; i++) {
            getWithKey("/api/v1/listings/1", RATE_TEST_KEY);
        }
        assertThat(getWithKey("/api/v1/listings/1", RATE_TEST_KEY).statusCode()).isEqualTo(429);

        assertThat(getWithKey("/api/v1/listings/1", OTHER_RATE_TEST_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void publicRoutesAreLimitedPerClientAddress() {
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            responses.add(send(request("/api/v1/public/listings").header("X-Forwarded-For", "203.0.113.7")));
        }

        assertThat(responses).extracting(HttpResponse::statusCode).contains(200, 429);
        assertProblem(responses.getLast(), 429, "too-many-requests");
        assertThat(send(request("/api/v1/public/listings").header("X-Forwarded-For", "203.0.113.8")).statusCode())
                .isEqualTo(200);
        assertThat(redis.keys("request_rate_limiter.{credit-public.ip:203.0.113.7}*").collectList().block()).isNotEmpty();
    }

    @Test
    void anAddressGuessingKeysIsStoppedButAValidKeyFromTheSameAddressIsNeverRefused() {
        double unknownBefore = counted("gateway.api.key.refusals", "reason", "unknown-key");
        double stoppedBefore = counted("gateway.api.key.refusals", "reason", "too-many-unknown-keys");
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> guess = send(request("/api/v1/listings/1").header("X-Forwarded-For", "203.0.113.20")
                    .header("X-Api-Key", "guess-" + i));
            assertProblem(guess, 401, "unauthenticated");
        }
        HttpResponse<String> stopped = send(request("/api/v1/listings/1").header("X-Forwarded-For", "203.0.113.20")
                .header("X-Api-Key", "guess-5"));
        assertProblem(stopped, 429, "too-many-requests");
        assertThat(Long.parseLong(stopped.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);

        // Everyone behind the guesser's NAT keeps working: the guard counts and slows unknown keys only.
        // (Only this class's own key: the other departments' buckets here are tiny and shared.)
        assertThat(send(request("/api/v1/listings/1").header("X-Forwarded-For", "203.0.113.20")
                .header("X-Api-Key", GUESS_TEST_RIGHT_KEY)).statusCode()).as("a valid key from the guessing address")
                .isEqualTo(200);
        assertProblem(send(request("/api/v1/listings/1").header("X-Forwarded-For", "203.0.113.20")
                .header("X-Api-Key", "guess-6")), 429, "too-many-requests");
        assertThat(Backends.allReceived()).hasSize(1);
        assertThat(counted("gateway.api.key.refusals", "reason", "unknown-key") - unknownBefore).isEqualTo(5);
        assertThat(counted("gateway.api.key.refusals", "reason", "too-many-unknown-keys") - stoppedBefore).isEqualTo(2);
    }

    @Test
    void aMissingKeyIsNotAGuess() {
        for (int i = 0; i < 8; i++) {
            assertProblem(send(request("/api/v1/listings/1").header("X-Forwarded-For", "203.0.113.22")), 401,
                    "unauthenticated");
        }
        assertThat(send(request("/api/v1/listings/1").header("X-Forwarded-For", "203.0.113.22")
                .header("X-Api-Key", GUESS_TEST_RIGHT_KEY)).statusCode()).isEqualTo(200);
    }
}
