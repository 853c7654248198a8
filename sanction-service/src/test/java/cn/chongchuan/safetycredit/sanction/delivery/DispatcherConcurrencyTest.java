package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.department.DepartmentEndpoints;
import cn.chongchuan.safetycredit.sanction.notice.DeliveryQueue;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import cn.chongchuan.safetycredit.sanction.testing.PartnerEndpoints;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.sanction.testing.TestDepartments;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Function;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Several dispatchers on one database, and a dispatcher that dies holding notices. */
@ServiceTest
class DispatcherConcurrencyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    DeliveryQueue deliveries;
    @Autowired
    NoticeDelivery delivery;
    @Autowired
    DeliveryProperties properties;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DepartmentEndpoints endpoints;

    private final WireMockServer partners = PartnerEndpoints.server();
    private TestDepartments departments;

    private TestDepartments departments() {
        if (departments == null) {
            departments = new TestDepartments(new Api(port));
        }
        return departments;
    }

    @AfterEach
    void disableTestDepartments() {
        departments().disableAll();
    }

    private NoticeDispatcher anotherInstance(String id) {
        return new NoticeDispatcher(id, deliveries, delivery, endpoints, properties, transaction, clock);
    }

    /** A dispatcher claiming only a few notices at a time, so that the instances really interleave. */
    private NoticeDispatcher aSmallBatchInstance(String id) {
        DeliveryProperties p = properties;
        return new NoticeDispatcher(id, deliveries, delivery, endpoints, new DeliveryProperties(p.dispatcherEnabled(), id,
                p.pollInterval(), 3, 3, p.lease(), p.connectTimeout(), p.readTimeout(), p.busyRetryDelay(), p.retry(),
                p.circuitBreaker(), p.bulkhead(), p.schedule(), p.scheduleJitter(), p.retryAfterMax(),
                p.disableAfterFailingFor(), p.disabledEndpointRecheck(), p.legacySignatureHeaders()), transaction, clock);
    }

    /**
     * Creates notices for a department that cannot be delivered yet: they wait, due in an hour,
     * so that no dispatcher touches them until the test moves the clock.
     */
    private List<String> noticesDueInAnHour(String code, int count) {
        List<Long> listings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long listingId = ListingEvents.newListingId();
            new Api(port).post("/internal/v1/listing-events", ListingEvents.aUnitListed(listingId).json(), Api.service());
            listings.add(listingId);
        }
        String in = listings.stream().map(String::valueOf).collect(Collectors.joining(","));
        return jdbc.queryForList("SELECT id FROM notice WHERE department_code = ? AND listing_id IN (" + in + ")",
                String.class, code);
    }

    private String registerPullDepartmentThenGiveItAnEndpoint(String path) {
        String code = TestDepartments.newCode("P");
        departments().register(code, path);
        // Until the notices exist the department has no endpoint: they are kept for its inbox (PULL).
        new Api(port).put("/api/v1/departments/" + code, """
                {"name":"测试部门","roles":["PARTNER"],"enabled":true}""", Api.admin());
        return code;
    }

    private void pushTo(String code, String path) {
        new Api(port).put("/api/v1/departments/" + code, """
                {"name":"测试部门","roles":["PARTNER"],"endpointUrl":"%s","enabled":true}"""
                .formatted(PartnerEndpoints.url(path)), Api.admin());
    }

    private void queue(List<String> ids, String leaseOwner, Duration leaseFor) {
        for (String id : ids) {
            jdbc.update("UPDATE notice SET status = ?, next_attempt_at = ?, lease_owner = ?, lease_until = ? WHERE id = ?",
                    leaseOwner == null ? "QUEUED" : "IN_FLIGHT",
                    Timestamp.from(clock.instant().plus(leaseOwner == null ? Duration.ofHours(1) : Duration.ZERO)),
                    leaseOwner, leaseOwner == null ? null : Timestamp.from(clock.instant().plus(leaseFor)), id);
        }
    }

    private int deliveredCount(List<String> ids) {
        String in = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        return jdbc.queryForObject("SELECT COUNT(*) FROM notice WHERE status = 'DELIVERED' AND id IN (" + in + ")",
                Integer.class);
    }

    @Test
    void twoDispatcherInstancesOnOneDatabaseNeverSendTheSameNoticeTwice() throws Exception {
        String path = "/race/" + System.nanoTime();
        partners.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200).withFixedDelay(30)));
        String code = registerPullDepartmentThenGiveItAnEndpoint(path);
        List<String> ids = noticesDueInAnHour(code, 30);
        assertThat(ids).hasSize(30);
        pushTo(code, path);
        queue(ids, null, null);

        NoticeDispatcher a = aSmallBatchInstance("race-a");
        NoticeDispatcher b = aSmallBatchInstance("race-b");
        CyclicBarrier start = new CyclicBarrier(2);
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        Function<NoticeDispatcher, CompletableFuture<Integer>> racing = dispatcher -> CompletableFuture.supplyAsync(() -> {
            int sent = 0;
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            // Until everything is delivered, not a number of rounds: a dispatcher that finds the
            // department at its in-flight limit gets nothing and would use up its rounds at once.
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && deliveredCount(ids) < ids.size()) {
                sent += dispatcher.dispatchDueAndWait();
            }
            return sent;
        });
        CompletableFuture<Integer> byA = racing.apply(a);
        CompletableFuture<Integer> byB = racing.apply(b);
        byA.join();
        byB.join();
        await().atMost(Duration.ofSeconds(15)).until(() -> deliveredCount(ids) == ids.size());

        Map<String, Long> sendsPerNotice = partners.findAll(postRequestedFor(urlEqualTo(path))).stream()
                .collect(Collectors.groupingBy(r -> r.getHeader("X-Notice-Id"), Collectors.counting()));
        assertThat(sendsPerNotice).hasSize(30).allSatisfy((id, sends) -> assertThat(sends).as(id).isEqualTo(1));
        String in = ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_attempt WHERE notice_id IN (" + in + ")",
                Integer.class)).isEqualTo(30);
        assertThat(jdbc.queryForList("SELECT DISTINCT dispatcher FROM delivery_attempt WHERE notice_id IN (" + in + ")",
                String.class)).as("dispatchers that took part").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void noticesHeldByADispatcherThatDiedAreDeliveredOnceItsLeaseRunsOut() {
        String path = "/crash/" + System.nanoTime();
        String code = registerPullDepartmentThenGiveItAnEndpoint(path);
        List<String> ids = noticesDueInAnHour(code, 5);
        pushTo(code, path);
        // What a dispatcher that was killed mid-dispatch leaves behind: its claim, with a live lease.
        queue(ids, "crashed-instance", properties.lease());

        anotherInstance("survivor").dispatchDueAndWait();
        assertThat(deliveredCount(ids)).isZero();
        assertThat(jdbc.queryForList("SELECT DISTINCT lease_owner FROM notice WHERE id IN ("
                + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",")) + ")", String.class))
                .containsExactly("crashed-instance");

        clock.advance(properties.lease().plusSeconds(1));

        await().atMost(Duration.ofSeconds(15)).until(() -> deliveredCount(ids) == ids.size());
        List<LoggedRequest> received = partners.findAll(postRequestedFor(urlEqualTo(path)));
        assertThat(received).extracting(r -> r.getHeader("X-Notice-Id")).containsExactlyInAnyOrderElementsOf(ids);
    }
}
