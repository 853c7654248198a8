package cn.chongchuan.safetycredit.sanction.delivery.mapper;

import cn.chongchuan.safetycredit.sanction.notice.ClaimedNotice;
import cn.chongchuan.safetycredit.sanction.notice.domain.CaseStatus;
import cn.chongchuan.safetycredit.sanction.notice.domain.DeliveryHistory;
import cn.chongchuan.safetycredit.sanction.notice.domain.DeliveryStatus;
import cn.chongchuan.safetycredit.sanction.notice.domain.NoticeKind;
import cn.chongchuan.safetycredit.sanction.notice.internal.DeliveryMapper;
import cn.chongchuan.safetycredit.sanction.notice.internal.NewCase;
import cn.chongchuan.safetycredit.sanction.notice.internal.NewNotice;
import cn.chongchuan.safetycredit.sanction.notice.internal.NoticeMapper;
import cn.chongchuan.safetycredit.platform.persistence.GeneratedId;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The claim query on the real MariaDB: what it takes, what it leaves to others. */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class DeliveryMapperTest {

    /** Feed numbers for the notices written here directly (unique per department: one counter for all). */
    private static final AtomicLong FEED_SEQ = new AtomicLong();

    /** Far in the future, so that only this test's notices are due at this instant. */
    private final Instant now = Instant.parse("2099-01-01T00:00:00Z").plus(
            ThreadLocalRandom.current().nextInt(1, 1_000_000), ChronoUnit.MINUTES);

    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    /** This test's departments, so that notices of other tests never count. */
    private final String tag = "MAP" + ThreadLocalRandom.current().nextInt(100_000, 999_999);

    @Autowired
    DeliveryMapper deliveries;
    @Autowired
    NoticeMapper notices;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    DataSource dataSource;

    private long caseId;
    private long listingId;

    @BeforeEach
    void aCase() {
        listingId = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        GeneratedId id = new GeneratedId();
        notices.insertCase(id, new NewCase(ListingEvents.aUnitListed(listingId).event(), CaseStatus.ACTIVE, now));
        caseId = id.value();
    }

    @Test
    void aClaimedNoticeCarriesTheTraceparentItWasMadeWith() {
        String id = queued(tag + "T", now.minusSeconds(1));
        deliveries.lease(List.of(id), "dispatcher-trace", now.plusSeconds(60));
        assertThat(deliveries.findClaimed(List.of(id), "dispatcher-trace"))
                .extracting(ClaimedNotice::traceparent).containsExactly(TRACEPARENT);
    }

    /** The claim, seen only as far as this test's notices go (other tests' notices may be due too). */
    private List<String> lockDue(int limit, int perDepartment) {
        return deliveries.lockDue(now, limit, perDepartment).stream()
                .filter(n -> n.departmentCode().startsWith(tag)).map(DeliveryMapper.DueNotice::id).toList();
    }

    private String queued(String department, Instant due) {
        String id = UUID.randomUUID().toString();
        notices.insertNotices(List.of(new NewNotice(id, caseId, listingId, department, NoticeKind.SANCTION_START,
                UUID.randomUUID().toString(), List.of("M-1"), "{}", DeliveryStatus.QUEUED, LocalDate.of(2099, 1, 15),
                due, TRACEPARENT, FEED_SEQ.incrementAndGet())));
        return id;
    }

    private TransactionTemplate readCommitted() {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return template;
    }

    @Test
    void aLockedNoticeIsSkippedByAConcurrentClaim() throws Exception {
        String notice = queued(tag + "A", now.minusSeconds(1));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);

        CompletableFuture<List<String>> first = CompletableFuture.supplyAsync(() -> readCommitted().execute(status -> {
            List<String> ids = lockDue(1000, 4);
            locked.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ids;
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        List<String> second = readCommitted().execute(status -> lockDue(1000, 4));
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).contains(notice);
        assertThat(second).doesNotContain(notice);
    }

    @Test
    void aLiveLeaseKeepsANoticeAndAnExpiredOneReleasesIt() {
        String held = queued(tag + "B", now.minusSeconds(5));
        String abandoned = queued(tag + "B", now.minusSeconds(5));
        String later = queued(tag + "B", now.plusSeconds(60));
        deliveries.lease(List.of(held), "alive", now.plusSeconds(30));
        deliveries.lease(List.of(abandoned), "dead", now.minusSeconds(1));

        List<String> due = readCommitted().execute(status -> lockDue(1000, 4));

        assertThat(due).contains(abandoned).doesNotContain(held, later);
    }

    @Test
    void aDepartmentAtItsLimitIsSkippedSoItsBacklogBlocksNobody() {
        for (int i = 0; i < 2; i++) {
            deliveries.lease(List.of(queued(tag + "DEAD", now.minusSeconds(60))), "busy", now.plusSeconds(60));
        }
        for (int i = 0; i < 5; i++) {
            queued(tag + "DEAD", now.minusSeconds(50));
        }
        String other = queued(tag + "OK", now.minusSeconds(1));

        List<String> due = readCommitted().execute(status -> lockDue(1000, 2));

        assertThat(due).containsExactly(other);
    }

    @Test
    void theHistoryCountsEachEventOnItsChinaDayForOneDepartment() {
        String department = tag + "H";
        // 2099-03-01T15:59:59Z is 23:59:59 on 1 March in China; 16:00:00Z is already 2 March there.
        Instant lateOnMarch1 = Instant.parse("2099-03-01T15:59:59Z");
        Instant earlyOnMarch2 = Instant.parse("2099-03-01T16:00:00Z");
        happened(department, lateOnMarch1, lateOnMarch1, null, null, null);
        happened(department, lateOnMarch1, earlyOnMarch2, earlyOnMarch2, earlyOnMarch2, null);
        happened(department, earlyOnMarch2, null, null, null, earlyOnMarch2);
        happened(tag + "OTHER", lateOnMarch1, lateOnMarch1, null, null, null);

        List<DeliveryHistory.DayCount> counts = deliveries.countByDay(department, Instant.parse("2099-02-28T16:00:00Z"));

        LocalDate march1 = LocalDate.of(2099, 3, 1);
        LocalDate march2 = LocalDate.of(2099, 3, 2);
        assertThat(counts).containsExactlyInAnyOrder(
                new DeliveryHistory.DayCount(march1, "CREATED", 2),
                new DeliveryHistory.DayCount(march1, "DELIVERED", 1),
                new DeliveryHistory.DayCount(march2, "CREATED", 1),
                new DeliveryHistory.DayCount(march2, "DELIVERED", 1),
                new DeliveryHistory.DayCount(march2, "ACKNOWLEDGED", 1),
                new DeliveryHistory.DayCount(march2, "ANSWERED", 1),
                new DeliveryHistory.DayCount(march2, "DEAD", 1));
        assertThat(deliveries.countByDay(department, earlyOnMarch2)).noneMatch(c -> c.day().equals(march1));
        // Without a department: every department's notices (the other one's too, and other tests').
        assertThat(deliveries.countByDay(null, Instant.parse("2099-02-28T16:00:00Z")))
                .anySatisfy(c -> assertThat(c).satisfies(
                        all -> assertThat(all.day()).isEqualTo(march1),
                        all -> assertThat(all.kind()).isEqualTo("CREATED"),
                        all -> assertThat(all.count()).isGreaterThanOrEqualTo(3)));
    }

    /** A notice created at {@code created}, then delivered, acknowledged, answered or dead at the others (null: not). */
    private void happened(String department, Instant created, Instant delivered, Instant acknowledged, Instant answered,
            Instant dead) {
        String id = UUID.randomUUID().toString();
        notices.insertNotices(List.of(new NewNotice(id, caseId, listingId, department, NoticeKind.SANCTION_START,
                UUID.randomUUID().toString(), List.of("M-1"), "{}",
                dead == null ? DeliveryStatus.DELIVERED : DeliveryStatus.DEAD, LocalDate.of(2099, 3, 15), created, null, FEED_SEQ.incrementAndGet())));
        new JdbcTemplate(dataSource).update(
                "UPDATE notice SET delivered_at = ?, acknowledged_at = ?, feedback_at = ?, dead_at = ? WHERE id = ?",
                timestamp(delivered), timestamp(acknowledged), timestamp(answered), timestamp(dead), id);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
