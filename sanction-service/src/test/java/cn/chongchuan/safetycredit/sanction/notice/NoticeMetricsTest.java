package cn.chongchuan.safetycredit.sanction.notice;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The delivery gauges say what the notice table holds, per department and status, and what feedback is overdue. */
@ServiceTest
class NoticeMetricsTest {

    @LocalServerPort
    int port;
    @Autowired
    NoticeMetrics metrics;
    @Autowired
    MeterRegistry registry;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    @Test
    void noticesAreCountedPerDepartmentAndStatusAndOverdueFeedbackOnceItsDayHasPassed() {
        long listingId = ListingEvents.newListingId();
        Http.Response received = new Api(port).post("/internal/v1/listing-events",
                ListingEvents.aUnitListed(listingId).json(), Api.service());
        assertThat(received.status()).as(received.body()).isEqualTo(202);
        // A seeded department without an endpoint pulls its notices: PULL, and stays so.
        long pulled = jdbc.queryForObject("SELECT COUNT(*) FROM notice WHERE department_code = 'XZSPJ' AND status = 'PULL'",
                Long.class);

        metrics.refresh();
        assertThat(registry.get("sanction.notices").tags("department", "XZSPJ", "status", "PULL").gauge().value())
                .isEqualTo(pulled).isGreaterThanOrEqualTo(1);

        Duration saved = clock.offset();
        try {
            clock.advance(Duration.ofDays(60)); // far past any feedback due day
            metrics.refresh();
            assertThat(registry.get("sanction.notices.feedback.overdue").gauge().value()).isGreaterThanOrEqualTo(1);
        } finally {
            clock.restore(saved);
        }
    }
}
