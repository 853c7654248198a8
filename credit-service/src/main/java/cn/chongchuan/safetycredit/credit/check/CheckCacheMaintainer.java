package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.cache.CheckCache;
import cn.chongchuan.safetycredit.credit.listing.ListingChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the check cache in step with the listings. Inside the listing's transaction it bumps the
 * subject's version (so the bump commits or rolls back with the change); after the commit it
 * reloads the subject and writes the new facts through the version guard. A write that fails
 * (Redis unreachable) is remembered: until it succeeds this instance answers that subject from the
 * database and retries the write every second.
 */
@Component
class CheckCacheMaintainer {

    private static final Logger log = LoggerFactory.getLogger(CheckCacheMaintainer.class);

    private final CheckMapper mapper;
    private final SubjectFactsReader reader;
    private final CheckCache cache;
    private final TransactionTemplate freshRead;
    private final Set<String> unsynced = ConcurrentHashMap.newKeySet();

    CheckCacheMaintainer(CheckMapper mapper, SubjectFactsReader reader, CheckCache cache,
            PlatformTransactionManager transactions) {
        this.mapper = mapper;
        this.reader = reader;
        this.cache = cache;
        this.freshRead = new TransactionTemplate(transactions);
        this.freshRead.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.freshRead.setReadOnly(true);
    }

    /** Runs in the listing's transaction (published inside it). */
    @EventListener
    void bumpVersion(ListingChanged change) {
        mapper.bumpVersion(change.subjectKey());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void updateCache(ListingChanged change) {
        unsynced.add(change.subjectKey());
        sync(List.of(change.subjectKey()));
    }

    /** Whether this instance knows the cached entry of the subject may be older than the database. */
    boolean isUnsynced(String subjectKey) {
        return !unsynced.isEmpty() && unsynced.contains(subjectKey);
    }

    @Scheduled(fixedDelay = 1000)
    void retryUnsynced() {
        if (!unsynced.isEmpty()) {
            sync(List.copyOf(unsynced));
        }
    }

    private void sync(List<String> keys) {
        try {
            var facts = freshRead.execute(status -> reader.current(keys));
            if (facts != null && cache.storeChanged(facts.values()) >= 0) {
                keys.forEach(unsynced::remove);
            }
        } catch (DataAccessException e) {
            log.warn("check cache not updated after a listing change ({}); will retry", e.getClass().getSimpleName());
        }
    }
}
