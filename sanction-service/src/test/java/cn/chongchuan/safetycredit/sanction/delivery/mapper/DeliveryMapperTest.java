package cn.chongchuan.safetycredit.sanction.delivery.mapper;

import cn.chongchuan.safetycredit.sanction.delivery.DeliveryMapper;
import cn.chongchuan.safetycredit.sanction.notice.Notice;
import cn.chongchuan.safetycredit.sanction.notice.NoticeMapper;
import cn.chongchuan.safetycredit.sanction.notice.SanctionCase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The claim query on the real MariaDB: what it takes, what it leaves to others. */
@MybatisTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class DeliveryMapperTest {

    /** Far in the future, so that only this test's notices are due at this instant. */
    private final Instant now = Instant.parse("2099-01-01T00:00:00Z").plus(
            ThreadLocalRandom.current().nextInt(1, 1_000_000), ChronoUnit.MINUTES);

    /** This test's departments, so that notices of other tests never count. */
    private final String tag = "MAP" + ThreadLocalRandom.current().nextInt(100_000, 999_999);

    @Autowired
    DeliveryMapper deliveries;
    @Autowired
    NoticeMapper notices;
    @Autowired
    PlatformTransactionManager transactions;

    private long caseId;
    private long listingId;

    @BeforeEach
    void aCase() {
        listingId = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
        notices.insertCase(new SanctionCase(null, listingId, "UNIT", "U:x", "某公司", "91310110666007217T", null, null,
                null, null, null, null, null, "ACTIVE", null, now, null));
        caseId = notices.findCaseByListingId(listingId).orElseThrow().id();
    }

    /** The claim, seen only as far as this test's notices go (other tests' notices may be due too). */
    private List<String> lockDue(int limit, int perDepartment) {
        return deliveries.lockDue(now, limit, perDepartment).stream()
                .filter(n -> n.departmentCode().startsWith(tag)).map(DeliveryMapper.DueNotice::id).toList();
    }

    private String queued(String department, Instant due) {
        String id = UUID.randomUUID().toString();
        notices.insertNotices(List.of(new Notice(id, caseId, listingId, department, "SANCTION_START",
                UUID.randomUUID().toString(), List.of("M-1"), "{}", "QUEUED", 0, 0, due, null, null, null, null, false,
                null, null, null, LocalDate.of(2099, 1, 15), null, due)));
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
}
