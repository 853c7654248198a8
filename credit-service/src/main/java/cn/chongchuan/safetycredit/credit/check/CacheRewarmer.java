package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.cache.CheckCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fills the check cache with every known subject when Redis comes back empty (restarted, flushed,
 * or new), so that checks do not fall to MySQL one miss at a time for minutes. Redis holds an
 * epoch key while it keeps its data; the instance whose {@code SET NX} recreates it does the work,
 * in pages of {@code credit.check.rewarm-page} subjects, through the same version-guarded write
 * as every fill (a listing change during the re-warm is never overwritten).
 */
@Component
class CacheRewarmer {

    private static final Logger log = LoggerFactory.getLogger(CacheRewarmer.class);

    private final CheckCache cache;
    private final CheckMapper mapper;
    private final SubjectFactsReader reader;
    private final TransactionTemplate read;
    private final CheckProperties properties;
    private final AtomicBoolean running = new AtomicBoolean();

    CacheRewarmer(CheckCache cache, CheckMapper mapper, SubjectFactsReader reader, PlatformTransactionManager transactions,
            CheckProperties properties) {
        this.cache = cache;
        this.mapper = mapper;
        this.reader = reader;
        this.read = new TransactionTemplate(transactions);
        this.read.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.read.setReadOnly(true);
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "PT2S", fixedDelayString = "${credit.check.rewarm-interval:PT5S}")
    void rewarmIfEmptied() {
        if (!properties.rewarmEnabled() || !properties.cacheEnabled() || !cache.isAvailable()
                || !running.compareAndSet(false, true)) {
            return;
        }
        if (!cache.claimEpoch()) {
            running.set(false);
            return;
        }
        Thread.ofVirtual().name("check-cache-rewarm").start(() -> {
            try {
                rewarm();
            } finally {
                running.set(false);
            }
        });
    }

    /** Every unit and person, page by page; stops early (and leaves the rest to misses) if Redis or MySQL fail. */
    void rewarm() {
        long started = System.nanoTime();
        int page = properties.rewarmPage();
        long written = 0;
        long subjects = 0;
        try {
            for (String kind : List.of("U", "P")) {
                String after = "";
                while (true) {
                    String from = after;
                    List<String> keys = read.execute(status -> kind.equals("U")
                            ? mapper.findUnitKeys(from, page) : mapper.findPersonKeys(from, page));
                    if (keys == null || keys.isEmpty()) {
                        break;
                    }
                    var facts = read.execute(status -> reader.current(keys));
                    int stored = cache.store(facts.values());
                    if (stored < 0) {
                        log.warn("check cache re-warm stopped: Redis unavailable after {} subjects", subjects);
                        return;
                    }
                    written += stored;
                    subjects += keys.size();
                    after = keys.getLast().substring(2);
                }
            }
            log.info("check cache re-warmed after Redis came back empty: {} subjects read, {} entries written in {} ms",
                    subjects, written, Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (DataAccessException e) {
            log.warn("check cache re-warm stopped after {} subjects: database unavailable ({})", subjects,
                    e.getClass().getSimpleName());
        }
    }
}
