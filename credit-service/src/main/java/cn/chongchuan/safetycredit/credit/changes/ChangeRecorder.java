package cn.chongchuan.safetycredit.credit.changes;

import cn.chongchuan.safetycredit.credit.changes.domain.ChangeKind;
import cn.chongchuan.safetycredit.credit.check.CheckService;
import cn.chongchuan.safetycredit.credit.followup.KeySupervisionChanged;
import cn.chongchuan.safetycredit.credit.listing.ListingChanged;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingState;
import cn.chongchuan.safetycredit.credit.subject.PersonKeyChanged;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Records every change of what the check answers about a subject as a row of the changes feed, in
 * the transaction of the change: exactly the events that make the check cache rewrite a subject
 * (see {@code CheckCacheMaintainer}) — a listing created or moved ({@link ListingChanged}), key
 * supervision opened ({@link KeySupervisionChanged}), a person re-hashed ({@link PersonKeyChanged}).
 *
 * <p>The events arrive while the transaction is still working (a transition announces itself before
 * it writes the new state), so they are only collected here; just before the transaction commits,
 * when every write is done, the rows are written with the listing's new state and the status the
 * check answers after the change, read in the same transaction. A crash before the commit loses the
 * change and its row together; after it, neither.
 *
 * <p>Their sequence numbers, the feed's cursors, come from the single counter row
 * {@code change_sequence}: {@code UPDATE … SET seq = seq + n}, taken as the very last lock of the
 * transaction and held until it commits. Auto-increment ids would not do: they are handed out at
 * insert time and transactions commit in any order, so a reader could page past id 7 while the
 * transaction holding it has not committed yet, and never see it. Under the counter's lock the
 * numbers commit in the order they are given, without gaps, and a reader that pages by cursor sees
 * every change once, in order. Writers of answer changes take turns at commit; listing changes are
 * rare (a few a day), so that costs nothing measurable.
 */
@Component
class ChangeRecorder {

    private final ChangeMapper mapper;
    private final CheckService checks;
    private final Clock clock;

    ChangeRecorder(ChangeMapper mapper, CheckService checks, Clock clock) {
        this.mapper = mapper;
        this.checks = checks;
        this.clock = clock;
    }

    /** A change not yet written: the subject, where it came from, the listing or the former key. */
    private record Pending(String subjectKey, ChangeKind.Source source, Long listingId, String formerKey) {
    }

    @EventListener
    void listingChanged(ListingChanged change) {
        pending().add(new Pending(change.subjectKey(), ChangeKind.Source.LISTING, change.listingId(), null));
    }

    @EventListener
    void keySupervisionChanged(KeySupervisionChanged change) {
        pending().add(new Pending(change.subjectKey(), ChangeKind.Source.KEY_SUPERVISION, null, null));
    }

    /**
     * A person re-hashed under a new HMAC key: its watches move to the new key now (after the
     * listings, the outbox and the check's version: the order of locks every re-hash keeps), and
     * the feed says which key the person had before, so that a system that kept the old key can follow.
     */
    @EventListener
    @Order(4)
    void personKeyChanged(PersonKeyChanged change) {
        mapper.deleteWatchesSupersededBy(change.oldKey(), change.newKey());
        mapper.rekeyWatches(change.oldKey(), change.newKey());
        pending().add(new Pending(change.newKey(), ChangeKind.Source.SUBJECT_KEY, null, change.oldKey()));
    }

    /** The changes this transaction made so far; the first one registers the write before its commit. */
    private Set<Pending> pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            // Without a transaction there is no commit to write with: the change would be lost.
            throw new IllegalStateException("a change of the check answer was published outside a transaction");
        }
        @SuppressWarnings("unchecked")
        Set<Pending> pending = (Set<Pending>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Set<Pending> collected = new LinkedHashSet<>();
            TransactionSynchronizationManager.bindResource(this, collected);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    write(List.copyOf(collected));
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ChangeRecorder.this);
                }
            });
            pending = collected;
        }
        return pending;
    }

    private void write(List<Pending> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<Long, String> states = changes.stream().anyMatch(c -> c.listingId() != null)
                ? mapper.findListingStates(changes.stream().map(Pending::listingId).filter(id -> id != null)
                        .collect(Collectors.toCollection(LinkedHashSet::new))).stream()
                        .collect(Collectors.toMap(ChangeMapper.ListingStateRow::id, ChangeMapper.ListingStateRow::state))
                : Map.of();
        Map<String, String> statuses = checks.statusesNow(changes.stream().map(Pending::subjectKey).distinct().toList());
        // The last lock of the transaction (see the class comment): from here to the commit, nothing else is waited for.
        mapper.advanceSequence(changes.size());
        long seq = mapper.currentSequence() - changes.size();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<ChangeRow> rows = new ArrayList<>(changes.size());
        for (Pending change : changes) {
            ChangeKind kind = switch (change.source()) {
                case LISTING -> ChangeKind.of(ListingState.valueOf(states.get(change.listingId())));
                case KEY_SUPERVISION -> ChangeKind.KEY_SUPERVISION;
                case SUBJECT_KEY -> ChangeKind.SUBJECT_REKEYED;
            };
            rows.add(new ChangeRow(++seq, change.subjectKey(), subjectType(change.subjectKey()), kind.name(),
                    kind.source().name(), statuses.get(change.subjectKey()), change.listingId(), change.formerKey(), now));
        }
        mapper.insertChanges(rows);
    }

    /** U:&lt;uscc&gt; is a unit, P:&lt;keyed hash&gt; a person (the subject module's keys). */
    static String subjectType(String subjectKey) {
        return subjectKey.startsWith("P:") ? "PERSON" : "UNIT";
    }
}
