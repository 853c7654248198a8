package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.sanction.delivery.domain.DeliverySchedule;
import cn.chongchuan.safetycredit.sanction.delivery.domain.RetryAfter;
import cn.chongchuan.safetycredit.sanction.department.DepartmentEndpoints;
import cn.chongchuan.safetycredit.sanction.department.EndpointDisabledReason;
import cn.chongchuan.safetycredit.sanction.notice.ClaimedNotice;
import cn.chongchuan.safetycredit.sanction.notice.DeliveryQueue;
import cn.chongchuan.safetycredit.sanction.notice.DeliveryUpdate;
import cn.chongchuan.safetycredit.sanction.notice.domain.DeliveryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Claims due notices and delivers them, each on its own virtual thread. Safe with any number of
 * dispatchers on one database: a claim locks rows with {@code FOR UPDATE SKIP LOCKED} and leases
 * them to this dispatcher; only the lease holder may record the outcome, and a lease outlasts a
 * full round of calls, so no notice is ever being sent by two dispatchers at once. A dispatcher
 * that dies leaves its leases to expire; the notices are then claimed again (at-least-once).
 */
class NoticeDispatcher {

    private static final Logger log = LoggerFactory.getLogger(NoticeDispatcher.class);

    private final String id;
    private final DeliveryQueue queue;
    private final NoticeDelivery delivery;
    private final DepartmentEndpoints endpoints;
    private final DoubleSupplier jitter;
    private final DeliveryProperties properties;
    private final DeliverySchedule schedule;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Semaphore slots;
    private volatile Runnable afterDelivery = () -> { };
    private volatile ExecutorService workers = newWorkers();

    NoticeDispatcher(String id, DeliveryQueue queue, NoticeDelivery delivery, DepartmentEndpoints endpoints,
            DeliveryProperties properties, TransactionTemplate transaction, Clock clock) {
        this(id, queue, delivery, endpoints, properties, transaction, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param jitter draws the schedule's jitter, in [0, 1) (a seeded generator in tests) */
    NoticeDispatcher(String id, DeliveryQueue queue, NoticeDelivery delivery, DepartmentEndpoints endpoints,
            DeliveryProperties properties, TransactionTemplate transaction, Clock clock, DoubleSupplier jitter) {
        this.id = id;
        this.queue = queue;
        this.delivery = delivery;
        this.endpoints = endpoints;
        this.jitter = jitter;
        this.properties = properties;
        this.schedule = properties.deliverySchedule();
        this.transaction = transaction;
        this.clock = clock;
        this.slots = new Semaphore(properties.maxInFlight());
    }

    static String defaultId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }

    /** Called after each delivery round ends (a slot is free again), e.g. to wake the dispatcher loop. */
    void afterEachDelivery(Runnable listener) {
        this.afterDelivery = listener;
    }

    /** Claims what is due (as many as there are free slots) and starts delivering it; returns the futures. */
    public List<CompletableFuture<Void>> dispatchDue() {
        int wanted = Math.min(properties.batchSize(), slots.availablePermits());
        if (wanted <= 0 || !slots.tryAcquire(wanted)) {
            return List.of();
        }
        List<ClaimedNotice> claimed;
        try {
            claimed = claimDue(wanted);
        } catch (RuntimeException e) {
            slots.release(wanted);
            throw e;
        }
        slots.release(wanted - claimed.size());
        List<CompletableFuture<Void>> running = new ArrayList<>(claimed.size());
        for (ClaimedNotice notice : claimed) {
            running.add(CompletableFuture.runAsync(() -> {
                try {
                    deliverClaimed(notice);
                } catch (RuntimeException e) {
                    // The lease will expire and the notice will be claimed again.
                    log.error("notice {}: delivery round aborted", notice.id(), e);
                } finally {
                    slots.release();
                    afterDelivery.run();
                }
            }, workers));
        }
        return running;
    }

    /** Claims and delivers what is due now, and waits until those deliveries are finished. */
    public int dispatchDueAndWait() {
        List<CompletableFuture<Void>> running = dispatchDue();
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
        return running.size();
    }

    /** Claims up to {@code limit} due notices for this dispatcher, in a transaction of its own. */
    List<ClaimedNotice> claimDue(int limit) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            return queue.claimDue(id, limit, properties.bulkhead().maxConcurrentCalls(), now,
                    now.plus(properties.lease()));
        });
    }

    void deliverClaimed(ClaimedNotice notice) {
        NoticeDelivery.Result result = delivery.deliver(notice, id);
        Instant now = clock.instant();
        DeliveryUpdate update = switch (result.outcome()) {
            case DELIVERED -> ended(notice, DeliveryStatus.DELIVERED, result, now);
            case REJECTED -> ended(notice, DeliveryStatus.REJECTED, result, now);
            case NO_ENDPOINT -> ended(notice, DeliveryStatus.PULL, result, now);
            // The department's bulkhead was full: nothing was sent, and the round does not count as failed.
            case BUSY -> queuedAgain(notice, notice.failedRounds(), now.plus(properties.busyRetryDelay()), result, now);
            // The endpoint is gone or disabled: the notice waits, its rounds not counted, until ADMIN
            // enables the endpoint again (which makes it due at once); it never dies of this.
            case GONE, ENDPOINT_DISABLED -> queuedAgain(notice, notice.failedRounds(),
                    now.plus(properties.disabledEndpointRecheck()), result, now);
            case FAILED -> failedRound(notice, result, now);
        };
        // The notice's state and what the round says about the endpoint (disabled on a 410 or after
        // failing for too long, with the event ADMIN sees) are written together or not at all; most
        // rounds (a delivery to an endpoint known to deliver) change nothing of the endpoint, and
        // need no transaction.
        Boolean written = !changesEndpointState(result, now) ? queue.finishRound(update)
                : transaction.execute(status -> {
                    if (!queue.finishRound(update)) {
                        return false;
                    }
                    recordEndpointState(notice, result, now);
                    return true;
                });
        if (!Boolean.TRUE.equals(written)) {
            log.warn("notice {}: lease lost before the outcome {} was written", notice.id(), update.status());
        } else if (update.status() != DeliveryStatus.DELIVERED) {
            log.info("notice {} to {}: {} ({})", notice.id(), notice.departmentCode(), update.status(), result.reason());
        }
    }

    private boolean changesEndpointState(NoticeDelivery.Result result, Instant now) {
        return switch (result.outcome()) {
            case DELIVERED -> endpoints.deliveryWorthRecording(result.endpointState(), now);
            case GONE -> true;
            case FAILED -> result.endpointFault();
            default -> false;
        };
    }

    private void recordEndpointState(ClaimedNotice notice, NoticeDelivery.Result result, Instant now) {
        String department = notice.departmentCode();
        switch (result.outcome()) {
            case DELIVERED -> endpoints.recordDelivery(department, now);
            case GONE -> endpoints.disable(department, EndpointDisabledReason.GONE, now, result.httpStatus(),
                    "the endpoint answered " + result.reason() + " to notice " + notice.id(), id);
            case FAILED -> {
                if (result.endpointFault()) {
                    endpoints.recordFailedRound(department, now, properties.disableAfterFailingFor(), id,
                            result.reason());
                }
            }
            default -> {
                // REJECTED (the endpoint answers), BUSY, NO_ENDPOINT, ENDPOINT_DISABLED: nothing learnt.
            }
        }
    }

    private DeliveryUpdate failedRound(ClaimedNotice notice, NoticeDelivery.Result result, Instant now) {
        int failedRounds = notice.failedRounds() + 1;
        // The department's Retry-After (429/503) may delay the next round, never advance it, and only up to the cap.
        Optional<Instant> next = schedule.nextRound(failedRounds, now, jitter.getAsDouble())
                .map(scheduled -> RetryAfter.nextRound(scheduled, now, result.retryAfter(), properties.retryAfterMax()));
        if (next.isEmpty()) {
            log.warn("notice {} to {} is DEAD after {} rounds: {}", notice.id(), notice.departmentCode(), failedRounds,
                    result.reason());
            return new DeliveryUpdate(notice.id(), id, DeliveryStatus.DEAD, result.calls(), failedRounds, null,
                    result.httpStatus(), result.reason(), now);
        }
        return queuedAgain(notice, failedRounds, next.get(), result, now);
    }

    /** A round that leaves the notice waiting for no further round: delivered, refused, or kept for the inbox. */
    private DeliveryUpdate ended(ClaimedNotice notice, DeliveryStatus status, NoticeDelivery.Result result,
            Instant now) {
        return new DeliveryUpdate(notice.id(), id, status, result.calls(), notice.failedRounds(), null,
                result.httpStatus(), result.reason(), now);
    }

    private DeliveryUpdate queuedAgain(ClaimedNotice notice, int failedRounds, Instant nextAttemptAt,
            NoticeDelivery.Result result, Instant now) {
        return new DeliveryUpdate(notice.id(), id, DeliveryStatus.QUEUED, result.calls(), failedRounds, nextAttemptAt,
                result.httpStatus(), result.reason(), now);
    }

    /**
     * Stops taking work and gives running deliveries a moment to finish; unfinished leases simply
     * expire. Until {@link #restart()} nothing more is delivered, even by a loop that has not
     * stopped yet: its deliveries are refused by the stopped workers.
     */
    public void shutdown(long waitMillis) {
        ExecutorService stopping = workers;
        stopping.shutdown();
        try {
            stopping.awaitTermination(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Fresh workers after a {@link #shutdown}: a stopped application context may be started again
     * (as the test framework does with the contexts it caches). Nothing to do if never stopped.
     */
    public synchronized void restart() {
        if (workers.isShutdown()) {
            workers = newWorkers();
        }
    }

    private static ExecutorService newWorkers() {
        return Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("notice-delivery-", 0).factory());
    }
}
