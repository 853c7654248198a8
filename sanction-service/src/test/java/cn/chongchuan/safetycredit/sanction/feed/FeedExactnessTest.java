package cn.chongchuan.safetycredit.sanction.feed;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.notice.SanctionFanOut;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Feed cursors under concurrent writers: a reader paging by cursor sees every notice of its
 * department exactly once, in order, however the writers' transactions interleave and commit. With
 * a cursor over an auto-increment id or a timestamp both tests lose notices: a notice numbered
 * earlier but committed later falls behind a cursor that already passed it.
 */
@ServiceTest
class FeedExactnessTest {

    @LocalServerPort
    int port;
    @Autowired
    SanctionFanOut fanOut;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    private PullDepartments pulling;
    private final ExecutorService writers = Executors.newFixedThreadPool(4);
    /** Set when a test ends: its writers stop, so that they issue nothing into the next test. */
    private volatile boolean stopping;

    private PullDepartments pulling() {
        if (pulling == null) {
            pulling = new PullDepartments(new Api(port));
        }
        return pulling;
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        stopping = true;
        writers.shutdownNow();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        pulling().disableAll();
    }

    /** One fan-out in its own transaction, as the listing-event intake runs it. */
    private void listUnit() {
        transactions.executeWithoutResult(
                tx -> fanOut.startSanction(ListingEvents.aUnitListed(ListingEvents.newListingId()).event()));
    }

    private JsonNode read(String department, long after, int limit, int waitSeconds) {
        Http.Response response = new Api(port).get("/api/v1/notices/feed?after=" + after + "&limit=" + limit
                + "&wait=" + waitSeconds, Api.partner(department));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The department's notices in the order they were numbered, as the database has them at the end. */
    private List<String> issued(String department) {
        return jdbc.queryForList("SELECT id FROM notice WHERE department_code = ? ORDER BY feed_seq", String.class,
                department);
    }

    @Test
    void aNoticeNumberedFirstButCommittedLastIsNotSkipped() throws Exception {
        String code = pulling().register();
        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        // The first writer takes its number and holds its transaction open.
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(tx -> {
            fanOut.startSanction(ListingEvents.aUnitListed(ListingEvents.newListingId()).event());
            firstWritten.countDown();
            try {
                assertThat(commitFirst.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }), writers);
        assertThat(firstWritten.await(30, TimeUnit.SECONDS)).isTrue();
        // The second writer starts while the first is open: it either commits (numbered after the
        // first) or waits for the first one's lock.
        CompletableFuture<Void> second = CompletableFuture.runAsync(this::listUnit, writers);
        await().atMost(Duration.ofSeconds(10)).until(() -> second.isDone() || jdbc.queryForObject(
                "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'", Long.class) > 0);

        List<String> read = new ArrayList<>();
        JsonNode during = read(code, 0, 100, 0);
        during.get("items").forEach(item -> read.add(item.get("noticeId").asString()));
        long cursor = Long.parseLong(during.get("nextCursor").asString());
        commitFirst.countDown();
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        read(code, cursor, 100, 0).get("items").forEach(item -> read.add(item.get("noticeId").asString()));

        assertThat(issued(code)).hasSize(2);
        assertThat(read).as("what the reader saw, in order").isEqualTo(issued(code));
    }

    @Test
    void aReaderPagingWhileSeveralWritersIssueSeesEveryNoticeOnceInOrder() throws Exception {
        String code = pulling().register();
        int perWriter = 12;
        int writerCount = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> running = IntStream.range(0, writerCount)
                .mapToObj(w -> CompletableFuture.runAsync(() -> {
                    try {
                        assertThat(start.await(30, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    for (int i = 0; i < perWriter && !stopping; i++) {
                        listUnit();
                    }
                }, writers)).toList();
        CompletableFuture<Void> allWritten = CompletableFuture.allOf(running.toArray(CompletableFuture[]::new));

        List<String> read = new ArrayList<>();
        List<Long> cursors = new ArrayList<>();
        long cursor = 0;
        start.countDown();
        boolean drained = false;
        while (!drained) {
            boolean writersDone = allWritten.isDone();
            JsonNode page = read(code, cursor, 5, 1);
            page.get("items").forEach(item -> {
                read.add(item.get("noticeId").asString());
                cursors.add(Long.parseLong(item.get("cursor").asString()));
            });
            cursor = Long.parseLong(page.get("nextCursor").asString());
            // Done once a read that began after the last commit found nothing more.
            drained = writersDone && page.get("items").isEmpty();
        }
        allWritten.get(30, TimeUnit.SECONDS);

        List<String> issued = issued(code);
        assertThat(issued).hasSize(perWriter * writerCount);
        assertThat(read).as("every notice once, in feed order").isEqualTo(issued);
        assertThat(cursors).isEqualTo(IntStream.rangeClosed(1, perWriter * writerCount).mapToObj(Long::valueOf).toList());
    }
}
