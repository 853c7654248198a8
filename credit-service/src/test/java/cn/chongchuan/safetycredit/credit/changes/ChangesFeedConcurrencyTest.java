package cn.chongchuan.safetycredit.credit.changes;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.listing.ListingService;
import cn.chongchuan.safetycredit.credit.support.Scenario;
import cn.chongchuan.safetycredit.platform.identity.Requester;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static cn.chongchuan.safetycredit.credit.support.Scenario.ADMIN;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cursors under concurrent writers: whatever order transactions commit in, a reader paging by
 * cursor sees every change exactly once, in order. With cursors from an auto-increment id (taken
 * at insert time) the first test fails: the change of the transaction that inserted first but
 * commits last is paged past.
 */
@ServiceTest
class ChangesFeedConcurrencyTest {

    static final String XZSPJ = TestTokens.bearer("XZSPJ", "APPROVAL");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ListingService listings;
    @Autowired
    PlatformTransactionManager transactions;

    Http http;
    Scenario scenario;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        clock.set(Instant.now());
        http = Http.local(port);
        scenario = new Scenario(http);
        threads = Executors.newFixedThreadPool(6);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    private long newest() {
        return jdbc.queryForObject("SELECT seq FROM change_sequence WHERE id = 1", Long.class);
    }

    private JsonNode page(long after, int limit) {
        Http.Response page = http.get("/api/v1/changes?after=" + after + "&limit=" + limit, "Authorization", XZSPJ);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json();
    }

    /** Reads from {@code after} until the feed has nothing more; adds the items to {@code seen}; returns the cursor. */
    private long drain(long after, List<JsonNode> seen) {
        long cursor = after;
        while (true) {
            JsonNode page = page(cursor, 4);
            page.get("items").forEach(seen::add);
            long next = page.get("nextCursor").asLong();
            if (next == cursor) {
                return cursor;
            }
            cursor = next;
        }
    }

    private int transactionsWaitingForALock() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'",
                Integer.class);
    }

    @Test
    void aChangeThatCommitsAfterALaterOneIsStillReadOnceAndInOrder() throws Exception {
        long first = Scenario.unitListing(scenario.violation(aViolation()));
        long second = Scenario.unitListing(scenario.violation(aViolation()));
        long from = newest();
        AtomicReference<JsonNode> readMeanwhile = new AtomicReference<>();
        AtomicReference<Future<Http.Response>> other = new AtomicReference<>();

        // The first revocation takes its place in the feed, then, before it commits, a second one runs
        // to its end and the feed is read: a cursor past the second must not pass over the first.
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            listings.revokeListing(first, "主体识别错误", List.of(), new Requester("AWB", Set.of("ADMIN")));
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    other.set(threads.submit(() -> http.postJson("/api/v1/listings/" + second + "/revocation",
                            "{\"reason\":\"主体识别错误\"}", "Authorization", ADMIN)));
                    await().atMost(Duration.ofSeconds(20))
                            .until(() -> other.get().isDone() || transactionsWaitingForALock() > 0);
                    readMeanwhile.set(page(from, 100));
                }
            });
        });
        assertThat(other.get().get(30, TimeUnit.SECONDS).status()).isEqualTo(200);

        List<JsonNode> seen = new ArrayList<>();
        readMeanwhile.get().get("items").forEach(seen::add);
        drain(readMeanwhile.get().get("nextCursor").asLong(), seen);

        assertThat(seen).extracting(i -> i.get("cursor").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(seen).filteredOn(i -> i.get("change").asString().equals("REVOKED"))
                .extracting(i -> i.get("listingId").asLong()).containsExactly(first, second);
    }

    @Test
    void writersListingAndRevokingAtOnceWhileAReaderPagesLoseAndRepeatNothing() throws Exception {
        long from = newest();
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        List<Long> written = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            writers.add(threads.submit(() -> {
                for (int round = 0; round < 3; round++) {
                    long id = Scenario.unitListing(scenario.violation(aViolation()));
                    scenario.list(id, today);
                    Http.Response revoked = http.postJson("/api/v1/listings/" + id + "/revocation",
                            "{\"reason\":\"主体识别错误\"}", "Authorization", ADMIN);
                    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
                    written.add(id);
                }
                return null;
            }));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        List<JsonNode> seen = new ArrayList<>();
        Future<Long> reader = threads.submit(() -> {
            long cursor = from;
            while (writing.get()) {
                JsonNode page = page(cursor, 3);
                page.get("items").forEach(seen::add);
                cursor = page.get("nextCursor").asLong();
            }
            return cursor;
        });
        for (Future<?> writer : writers) {
            writer.get(5, TimeUnit.MINUTES);
        }
        writing.set(false);
        drain(reader.get(1, TimeUnit.MINUTES), seen);

        List<Long> committed = jdbc.queryForList("SELECT seq FROM subject_change WHERE seq > ? ORDER BY seq", Long.class, from);
        assertThat(seen).extracting(i -> i.get("cursor").asLong()).containsExactlyElementsOf(committed);
        assertThat(written).hasSize(12);
        for (long id : written) {
            assertThat(seen).filteredOn(i -> i.has("listingId") && i.get("listingId").asLong() == id)
                    .extracting(i -> i.get("change").asString())
                    .containsExactly("PROPOSED", "NOTIFIED", "LISTED", "REVOKED");
        }
    }
}
