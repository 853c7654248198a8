package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.check.cache.CheckCache;
import cn.chongchuan.safetycredit.credit.check.domain.CheckStatus;
import cn.chongchuan.safetycredit.credit.check.domain.SubjectFacts;
import cn.chongchuan.safetycredit.credit.listing.ListingService;
import cn.chongchuan.safetycredit.credit.listing.domain.ServiceMethod;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.web.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stale-CLEAR race of DESIGN §4. Iterations: {@code -Dcheck.race.iterations=10000} in the
 * benchmark suite (bench/check), a few hundred here.
 */
@ServiceTest
class CheckCacheRaceTest {

    static final int ITERATIONS = Integer.getInteger("check.race.iterations", 200);
    static final Caller AJJ = new Caller("AJJ", Set.of("ENFORCEMENT"));
    static final Caller XZSPJ = new Caller("XZSPJ", Set.of("APPROVAL"));

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    CheckService checks;
    @Autowired
    ListingService listings;
    @Autowired
    SubjectFactsReader reader;
    @Autowired
    CheckCache cache;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MeterRegistry meters;

    CheckScenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new CheckScenario(Http.local(port));
        clock.set(Instant.now());
    }

    @Test
    void aSlowReaderCannotOverwriteTheStateAListingCommitted() {
        ViolationFixture fixture = aViolation();
        long listing = CheckScenario.unitListing(scenario.violation(fixture));
        String key = "U:" + fixture.uscc();
        SubjectFacts readBeforeTheDecision = reader.current(List.of(key)).get(key);
        double rejectedBefore = meters.counter("credit.check.cache.writes", "outcome", "rejected-by-version").count();

        scenario.list(listing, today());
        int overNewerEntry = cache.store(List.of(readBeforeTheDecision));
        redis.delete(CheckCache.entry(key));
        int afterTheEntryExpired = cache.store(List.of(readBeforeTheDecision));

        assertThat(overNewerEntry).as("the old read is refused by the entry's version").isZero();
        assertThat(afterTheEntryExpired).as("and by the change marker once the entry is gone").isZero();
        assertThat(meters.counter("credit.check.cache.writes", "outcome", "rejected-by-version").count())
                .isEqualTo(rejectedBefore + 2);
        CheckAnswer answer = checks.check(List.of(fixture.uscc()), null, null, XZSPJ, false).results().getFirst();
        assertThat(answer.status()).isEqualTo(CheckStatus.LISTED);
        assertThat(checks.check(List.of(fixture.uscc()), null, null, XZSPJ, false).results().getFirst().source())
                .as("refilled from the database").isEqualTo(CheckService.SOURCE_CACHE);
    }

    /**
     * Checkers hammer the subject while an evictor keeps forcing misses up to the decision (so
     * reads from before the commit race to fill the cache after it); once the decision has
     * returned, no check may answer anything but LISTED.
     */
    @Test
    void staleClearIsNeverServedAfterTheDecisionCommitsUnderConcurrentChecks() throws Exception {
        Queue<String> stale = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < ITERATIONS; i++) {
            ViolationFixture fixture = aViolation();
            long listing = CheckScenario.unitListing(scenario.violation(fixture));
            String code = fixture.uscc();
            listings.notifyParty(listing, today(), today(), ServiceMethod.DIRECT, "告知", List.of("处罚决定书"), AJJ.requester());
            AtomicLong decidedAt = new AtomicLong(Long.MAX_VALUE);
            AtomicBoolean done = new AtomicBoolean();
            CountDownLatch checkedAfter = new CountDownLatch(3 * 2);
            List<Thread> threads = new java.util.ArrayList<>();
            for (int t = 0; t < 3; t++) {
                threads.add(Thread.ofPlatform().start(() -> {
                    while (!done.get()) {
                        long start = System.nanoTime();
                        CheckAnswer answer = checks.check(List.of(code), null, null, XZSPJ, false).results().getFirst();
                        if (start > decidedAt.get()) {
                            if (answer.status() != CheckStatus.LISTED) {
                                stale.add(code + " answered " + answer.status() + " from " + answer.source());
                            }
                            checkedAfter.countDown();
                        }
                    }
                }));
            }
            // Entries "expire" all the time until the decision has returned; then whatever the
            // cache holds must be right.
            threads.add(Thread.ofPlatform().start(() -> {
                while (decidedAt.get() == Long.MAX_VALUE) {
                    redis.delete(CheckCache.entry("U:" + code));
                }
            }));
            listings.decideListing(listing, "崇应急失信〔2026〕R" + i + "号", today(), "放弃申辩声明R" + i, null, List.of(), AJJ.requester());
            decidedAt.set(System.nanoTime());
            checkedAfter.await();
            done.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
            assertThat(stale).as("iteration " + i).isEmpty();
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
    }
}
