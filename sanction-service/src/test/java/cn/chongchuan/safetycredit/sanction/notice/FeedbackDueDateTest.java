package cn.chongchuan.safetycredit.sanction.notice;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The day a department's feedback is due, counted with the holiday calendar shipped in seeds/holidays.yaml. */
@ServiceTest
class FeedbackDueDateTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    private Duration savedOffset;

    @BeforeEach
    void saveClock() {
        savedOffset = clock.offset();
    }

    @AfterEach
    void restoreClock() {
        clock.restore(savedOffset);
    }

    private LocalDate dueOnOfNoticesIssuedAt(Instant at) {
        clock.set(at);
        long listingId = ListingEvents.newListingId();
        Http.Response response = new Api(port).post("/internal/v1/listing-events",
                ListingEvents.aUnitListed(listingId).json(), Api.service());
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return jdbc.queryForObject("SELECT DISTINCT feedback_due_on FROM notice WHERE listing_id = ?", LocalDate.class,
                listingId);
    }

    @Test
    void tenWorkingDaysFromTheEveOfTheNationalDayOf2025SkipItsEightDaysOffAndCountItsWorkingSaturday() {
        // Issued Tuesday 2025-09-30 (10:00 in Nantong). 国办发明电〔2024〕12号: 10-01..10-08 off, Saturday 10-11 worked:
        // Oct 9, 10, 11, 13, 14, 15, 16, 17, 20, 21. Weekends alone gave 2025-10-14.
        assertThat(dueOnOfNoticesIssuedAt(Instant.parse("2025-09-30T02:00:00Z"))).isEqualTo(LocalDate.of(2025, 10, 21));
    }

    @Test
    void theSpringFestivalOf2026IsSkippedAndItsWorkingSaturdaysCount() {
        // Issued Friday 2026-02-13. 国办发明电〔2025〕7号: Saturday 02-14 worked, 02-15..02-23 off, Saturday 02-28 worked:
        // Feb 14, 24, 25, 26, 27, 28, Mar 2, 3, 4, 5.
        assertThat(dueOnOfNoticesIssuedAt(Instant.parse("2026-02-13T02:00:00Z"))).isEqualTo(LocalDate.of(2026, 3, 5));
    }
}
