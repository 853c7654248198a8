package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.check.audit.CheckAuditWriter;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.time.LocalDate;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the operators' dashboard reads about the check: answers by source and status, cache hits
 * and misses, and the audit queue against its capacity.
 */
@ServiceTest
class CheckMetricsTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CheckAuditWriter audit;

    Http http;
    CheckScenario scenario;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
        scenario = new CheckScenario(http);
        clock.set(Instant.now());
    }

    @Test
    void eachAnswerIsCountedByWhereItCameFromAndWhatItSaid() {
        ViolationFixture fixture = aViolation();
        long listing = CheckScenario.unitListing(scenario.violation(fixture));
        scenario.list(listing, LocalDate.now(clock.withZone(CheckApiTest.DISTRICT)));
        String clear = ViolationFixture.CODES.uscc("320602");
        double listedFromCache = answers("cache", "LISTED");
        double clearFromDatabase = answers("database", "CLEAR");
        double clearFromCache = answers("cache", "CLEAR");
        double hits = cache("hit");
        double misses = cache("miss");

        check(fixture.uscc());
        check(clear);
        check(clear);

        // The listing's after-commit write put the listed unit in the cache; the clear unit is read
        // from the database once, then cached.
        assertThat(answers("cache", "LISTED") - listedFromCache).isEqualTo(1);
        assertThat(answers("database", "CLEAR") - clearFromDatabase).isEqualTo(1);
        assertThat(answers("cache", "CLEAR") - clearFromCache).isEqualTo(1);
        assertThat(cache("hit") - hits).isEqualTo(2);
        assertThat(cache("miss") - misses).isEqualTo(1);
    }

    @Test
    void theAuditQueueIsMeasuredAgainstItsCapacity() {
        check(ViolationFixture.CODES.uscc("320602"));

        assertThat(meters.get("credit.check.audit.capacity").gauge().value()).isEqualTo(audit.capacity()).isPositive();
        assertThat(meters.get("credit.check.audit.queued").gauge().value()).isEqualTo(audit.queued());
        audit.flush();
        assertThat(meters.get("credit.check.audit.queued").gauge().value()).isZero();
        assertThat(meters.get("credit.check.audit.written.by.requests").functionCounter().count()).isZero();
    }

    private void check(String code) {
        Http.Response answer = http.get("/api/v1/checks/" + code, "Authorization", CheckScenario.xzspj());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }

    private double answers(String source, String status) {
        Counter counter = meters.get("credit.check.answers").tag("source", source).tag("status", status).counter();
        return counter.count();
    }

    private double cache(String result) {
        return meters.get("credit.check.cache.requests").tag("result", result).counter().count();
    }
}
