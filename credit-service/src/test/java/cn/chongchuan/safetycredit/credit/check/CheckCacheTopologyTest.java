package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.cache.CheckCache;
import cn.chongchuan.safetycredit.credit.check.domain.CheckStatus;
import cn.chongchuan.safetycredit.credit.check.domain.SubjectFacts;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.platform.web.Caller;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check cache, its version guard and the re-warm on a Redis topology other than one server,
 * configured only through Spring Boot's standard properties (devstack sets
 * {@code spring.data.redis.cluster.nodes} or {@code spring.data.redis.sentinel.*}); each
 * subclass names the topology. The real beans, the real servers.
 */
abstract class CheckCacheTopologyTest {

    static final Caller XZSPJ = new Caller("XZSPJ", Set.of("APPROVAL"));

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    CheckService checks;
    @Autowired
    SubjectFactsReader reader;
    @Autowired
    CheckCache cache;
    @Autowired
    CacheRewarmer rewarmer;
    @Autowired
    StringRedisTemplate redis;

    Http http;
    CheckScenario scenario;

    @BeforeEach
    void setUp() {
        clock.set(Instant.now());
        http = Http.local(port);
        scenario = new CheckScenario(http);
    }

    @Test
    void aBatchIsAnsweredFromTheCacheOnceItsMissesAreWrittenBack() {
        List<String> codes = IntStream.range(0, 30).mapToObj(i -> ViolationFixture.CODES.uscc("320602")).toList();

        var first = checks.check(codes, null, null, XZSPJ, false).results();
        var second = checks.check(codes, null, null, XZSPJ, false).results();

        assertThat(first).extracting(CheckAnswer::source).containsOnly(CheckService.SOURCE_DATABASE);
        assertThat(second).hasSize(30).extracting(CheckAnswer::source).containsOnly(CheckService.SOURCE_CACHE);
        assertThat(second).extracting(CheckAnswer::status).containsOnly(CheckStatus.CLEAR);
        assertEntriesSpread(codes.stream().map(code -> CheckCache.entry("U:" + code)).toList());
    }

    /** On a cluster: the keys were spread over several masters (so the batch did cross slots). */
    void assertEntriesSpread(List<String> entries) {
    }

    @Test
    void aSlowReaderCannotOverwriteTheStateAListingCommitted() {
        ViolationFixture fixture = aViolation();
        long listing = CheckScenario.unitListing(scenario.violation(fixture));
        String key = "U:" + fixture.uscc();
        SubjectFacts readBeforeTheDecision = reader.current(List.of(key)).get(key);

        scenario.list(listing, LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))));
        int overNewerEntry = cache.store(List.of(readBeforeTheDecision));
        redis.delete(CheckCache.entry(key));
        int afterTheEntryExpired = cache.store(List.of(readBeforeTheDecision));

        assertThat(overNewerEntry).as("the old read is refused by the entry's version").isZero();
        assertThat(afterTheEntryExpired).as("and by the change marker once the entry is gone").isZero();
        CheckAnswer answer = checks.check(List.of(fixture.uscc()), null, null, XZSPJ, false).results().getFirst();
        assertThat(answer.status()).isEqualTo(CheckStatus.LISTED);
        assertThat(checks.check(List.of(fixture.uscc()), null, null, XZSPJ, false).results().getFirst().source())
                .as("refilled from the database").isEqualTo(CheckService.SOURCE_CACHE);
    }

    @Test
    void aRewarmFillsEveryKnownSubjectAndChecksAnswerFromTheCacheAtOnce() {
        ViolationFixture listed = aViolation();
        scenario.violation(listed);
        String listedKey = "U:" + listed.uscc();
        redis.delete(CheckCache.entry(listedKey));

        rewarmer.rewarm();

        assertThat(redis.hasKey(CheckCache.entry(listedKey))).isTrue();
        var answer = http.get("/api/v1/checks/" + listed.uscc(), "Authorization", CheckScenario.xzspj()).json();
        assertThat(answer.get("source").asString()).isEqualTo("cache");
        assertThat(answer.get("status").asString()).isEqualTo("PROPOSED");
    }

    @Test
    void theServiceIsReadyWithItsRedisHealthy() {
        Http.Response ready = http.get("/readyz");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("UP");
    }
}
