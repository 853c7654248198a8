package cn.chongchuan.safetycredit.credit.check.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes check audit rows off the request path: a check only queues its row; a background thread
 * inserts them in multi-row batches. When the queue is full the request writes its own row, so no
 * row is dropped. On a clean shutdown this lifecycle stops after the web server has finished its
 * requests and writes everything still queued before the database goes away.
 */
public class CheckAuditWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckAuditWriter.class);

    /** Below the web server's graceful-shutdown and stop phases: stops after the last request. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;
    private static final int FINAL_FLUSH_ATTEMPTS = 5;
    /** Queued by {@link #stop()} to wake the worker; never written. */
    private static final CheckAuditRow STOP = new CheckAuditRow("stop", "", "", "", "", null, null, "", "", "", null, null);

    private final CheckAuditMapper mapper;
    private final Duration flushInterval;
    private final int batchSize;
    private final int capacity;
    private final BlockingDeque<CheckAuditRow> queue;
    private final LongAdder writtenByRequests = new LongAdder();
    private final ReentrantLock writing = new ReentrantLock();
    private volatile boolean running;
    private Thread worker;

    public CheckAuditWriter(CheckAuditMapper mapper, Duration flushInterval, int batchSize, int capacity) {
        this.mapper = mapper;
        this.flushInterval = flushInterval;
        this.batchSize = batchSize;
        this.capacity = capacity;
        this.queue = new LinkedBlockingDeque<>(capacity);
    }

    /** Queues a row; if the queue is full, writes it now rather than lose it. */
    public void record(CheckAuditRow row) {
        if (!queue.offer(row)) {
            mapper.insertAll(List.of(row));
            writtenByRequests.increment();
        }
    }

    /** Writes everything queued so far (tests, shutdown). */
    public void flush() {
        while (!queue.isEmpty() && !(queue.size() == 1 && queue.peek() == STOP)) {
            writeBatch();
        }
    }

    /** A row still waiting in the queue (a receipt asked for before its row was written). */
    public Optional<CheckAuditRow> pending(String receiptId) {
        return queue.stream().filter(r -> r != STOP && r.receiptId().equals(receiptId)).findFirst();
    }

    /** Rows waiting to be written (the metric {@code credit.check.audit.queued}). */
    public int queued() {
        return queue.size();
    }

    /** How many rows the queue holds before a request has to write its own. */
    public int capacity() {
        return capacity;
    }

    /** Rows a request wrote itself because the queue was full (each one a slower check). */
    public long writtenByRequests() {
        return writtenByRequests.sum();
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofPlatform().name("check-audit-writer").daemon(true).start(this::run);
    }

    /** Lets the worker finish its batch, then writes whatever is still queued, retrying a few times. */
    @Override
    public void stop() {
        Thread thread;
        synchronized (this) {
            running = false;
            thread = worker;
            worker = null;
        }
        if (thread != null) {
            // Wakes a worker waiting for rows; if the queue is full it is not waiting anyway.
            queue.offerFirst(STOP);
            try {
                thread.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        queue.remove(STOP);
        for (int attempt = 1; attempt <= FINAL_FLUSH_ATTEMPTS && !queue.isEmpty(); attempt++) {
            try {
                flush();
            } catch (RuntimeException e) {
                log.warn("audit flush at shutdown failed (attempt {} of {}): {}", attempt, FINAL_FLUSH_ATTEMPTS,
                        e.getClass().getSimpleName());
            }
        }
        if (!queue.isEmpty()) {
            log.error("{} check audit rows could not be written before shutdown (database unreachable)", queue.size());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * Collects rows for at most one flush interval after the first arrives (or until a batch is
     * full) and inserts them together.
     */
    private void run() {
        List<CheckAuditRow> batch = new ArrayList<>(batchSize);
        boolean stopSeen = false;
        while (running && !stopSeen) {
            try {
                CheckAuditRow first = queue.poll(flushInterval.toMillis(), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                if (first == STOP) {
                    break;
                }
                batch.add(first);
                long deadline = System.nanoTime() + flushInterval.toNanos();
                while (batch.size() < batchSize) {
                    long remaining = deadline - System.nanoTime();
                    CheckAuditRow next = remaining > 0 ? queue.poll(remaining, TimeUnit.NANOSECONDS) : null;
                    if (next == null) {
                        break;
                    }
                    if (next == STOP) {
                        stopSeen = true;
                        break;
                    }
                    batch.add(next);
                }
                insert(batch);
                batch.clear();
            } catch (InterruptedException e) {
                requeue(batch);
                return;
            } catch (RuntimeException e) {
                requeue(batch);
                batch.clear();
                log.warn("check audit rows not written yet ({}); retrying", e.getClass().getSimpleName());
                try {
                    Thread.sleep(Math.min(flushInterval.toMillis(), 1000));
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void writeBatch() {
        writing.lock();
        try {
            List<CheckAuditRow> batch = new ArrayList<>(batchSize);
            queue.drainTo(batch, batchSize);
            batch.remove(STOP);
            if (batch.isEmpty()) {
                return;
            }
            try {
                mapper.insertAll(batch);
            } catch (RuntimeException e) {
                requeue(batch);
                throw e;
            }
        } finally {
            writing.unlock();
        }
    }

    private void insert(List<CheckAuditRow> batch) {
        writing.lock();
        try {
            mapper.insertAll(batch);
        } finally {
            writing.unlock();
        }
    }

    private void requeue(List<CheckAuditRow> batch) {
        for (int i = batch.size() - 1; i >= 0; i--) {
            if (!queue.offerFirst(batch.get(i))) {
                log.error("check audit queue full while the database is unreachable: audit row {} lost",
                        batch.get(i).receiptId());
            }
        }
    }
}
