package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.check.cache.CheckCache;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Instant;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

/** Redis comes back empty: one instance notices, and fills the cache with every known subject. */
@ServiceTest
class CacheRewarmerTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    CacheRewarmer rewarmer;
    @Autowired
    CheckCache cache;
    @Autowired
    StringRedisTemplate redis;

    @Test
    void onlyTheFirstToSeeTheEpochGoneRewarms() {
        redis.delete(CheckCache.EPOCH);

        assertThat(cache.claimEpoch()).isTrue();
        assertThat(cache.claimEpoch()).as("another instance, or the next round").isFalse();
    }

    @Test
    void aRewarmFillsEveryKnownSubjectWithItsCurrentFactsAndChecksAnswerFromTheCacheAtOnce() {
        clock.set(Instant.now());
        Http http = Http.local(port);
        CheckScenario scenario = new CheckScenario(http);
        ViolationFixture listed = aViolation();
        scenario.violation(listed);
        String listedKey = "U:" + listed.uscc();
        redis.delete(CheckCache.entry(listedKey));
        assertThat(redis.hasKey(CheckCache.entry(listedKey))).isFalse();

        rewarmer.rewarm();

        assertThat(redis.hasKey(CheckCache.entry(listedKey))).isTrue();
        var answer = http.get("/api/v1/checks/" + listed.uscc(), "Authorization", CheckScenario.xzspj()).json();
        assertThat(answer.get("source").asString()).isEqualTo("cache");
        assertThat(answer.get("status").asString()).isEqualTo("PROPOSED");
        Long persons = redis.execute((org.springframework.data.redis.core.RedisCallback<Long>) connection -> {
            long found = 0;
            try (var cursor = connection.keyCommands().scan(org.springframework.data.redis.core.ScanOptions.scanOptions()
                    .match(CheckCache.entry("P:*")).count(1000).build())) {
                while (cursor.hasNext()) {
                    cursor.next();
                    found++;
                }
            }
            return found;
        });
        assertThat(persons).as("persons are re-warmed too").isPositive();
    }
}
