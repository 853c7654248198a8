package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.sanction.notice.NoticesQueued;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Runs this instance's dispatcher: every poll interval, and at once when new notices were committed. */
@Component
class DispatcherLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatcherLoop.class);

    private final NoticeDispatcher dispatcher;
    private final DeliveryProperties properties;
    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    DispatcherLoop(NoticeDispatcher dispatcher, DeliveryProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onNoticesQueued(NoticesQueued event) {
        wakeUp.release();
    }

    @Override
    public void start() {
        if (!properties.dispatcherEnabled()) {
            log.info("notice dispatcher disabled on this instance");
            return;
        }
        running = true;
        dispatcher.restart();
        // A finished delivery frees a slot and may unblock its department: look for due notices at once.
        dispatcher.afterEachDelivery(wakeUp::release);
        thread = Thread.ofPlatform().name("notice-dispatcher").daemon().start(this::loop);
        log.info("notice dispatcher {} started", dispatcher.id());
    }

    private void loop() {
        while (running) {
            int claimed = 0;
            try {
                claimed = dispatcher.dispatchDue().size();
            } catch (RuntimeException e) {
                log.warn("notice dispatcher: claiming failed, will retry", e);
            }
            if (claimed < properties.batchSize()) {
                try {
                    wakeUp.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        wakeUp.release();
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dispatcher.shutdown(5_000);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
