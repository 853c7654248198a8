package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.cache.CheckCache;
import cn.chongchuan.safetycredit.credit.followup.KeySupervisionChanged;
import cn.chongchuan.safetycredit.credit.listing.ListingChanged;
import cn.chongchuan.safetycredit.credit.subject.PersonKeyChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the check cache in step with the listings and key supervision. Inside the changing
 * transaction it bumps the subject's version (so the bump commits or rolls back with the change);
 * after the commit it reloads the subject and writes the new facts through the version guard. A write that fails
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
        changed(change.subjectKey());
    }

    /**
     * A person re-hashed under a new HMAC key (its listings moved in this transaction): both keys
     * change — the new one first, so that a cache written in this order never holds the person's
     * listings under neither key — and, once committed, the old key's entry holds no listings.
     */
    @EventListener
    @Order(3)
    void bumpVersion(PersonKeyChanged change) {
        changed(change.newKey());
        changed(change.oldKey());
    }

    /** Key supervision is part of the cached facts: a change is handled like a listing change. */
    @EventListener
    void bumpVersion(KeySupervisionChanged change) {
        changed(change.subjectKey());
    }

    /**
     * Bumps the subject's version in the current transaction and, once it commits, writes the
     * subject's new facts to the cache: once per subject and transaction, however many changes of
     * the subject it made (recording a violation proposes a listing and starts key supervision).
     */
    private void changed(String subjectKey) {
        mapper.bumpVersion(subjectKey);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            unsynced.add(subjectKey);
            sync(List.of(subjectKey));
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> keys = (Set<String>) TransactionSynchronizationManager.getResource(this);
        if (keys == null) {
            Set<String> changedKeys = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, changedKeys);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    unsynced.addAll(changedKeys);
                    sync(List.copyOf(changedKeys));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CheckCacheMaintainer.this);
                }
            });
            keys = changedKeys;
        }
        keys.add(subjectKey);
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
