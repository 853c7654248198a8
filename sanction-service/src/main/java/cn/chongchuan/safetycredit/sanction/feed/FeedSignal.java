package cn.chongchuan.safetycredit.sanction.feed;

import cn.chongchuan.safetycredit.sanction.notice.NoticesIssued;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes the feed readers that wait (long polling) when notices have been committed on this
 * instance. One generation counter for all departments: a reader woken for another department's
 * notice only looks once more. Notices written by another instance are found by the readers'
 * periodic look ({@link NoticeFeed#RECHECK}), not by a signal.
 */
@Component
class FeedSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition issued = lock.newCondition();
    private final AtomicInteger waiting = new AtomicInteger();
    private long generation;

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onNoticesIssued(NoticesIssued event) {
        lock.lock();
        try {
            generation++;
            issued.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The current generation: take it before looking, and wait with it after finding nothing. */
    long generation() {
        lock.lock();
        try {
            return generation;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until notices are committed after generation {@code seen} was taken, or {@code atMost}.
     * Blocks the calling thread: the service runs requests on virtual threads, so a waiting reader
     * holds no platform thread (and no database connection: nothing is open while it waits).
     */
    void awaitIssuedAfter(long seen, Duration atMost) throws InterruptedException {
        long nanos = atMost.toNanos();
        lock.lock();
        waiting.incrementAndGet();
        try {
            while (generation == seen && nanos > 0) {
                nanos = issued.awaitNanos(nanos);
            }
        } finally {
            waiting.decrementAndGet();
            lock.unlock();
        }
    }

    /** How many readers are waiting now. */
    int waiting() {
        return waiting.get();
    }
}
