package cn.chongchuan.safetycredit.credit.changes;

import cn.chongchuan.safetycredit.credit.changes.domain.FeedCursor;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.web.Caller;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Answers pages of the changes feed and audits each one: the page is read and its audit row
 * written in one transaction, committed before the answer leaves, so no page is ever answered
 * without its audit row.
 */
@Service
public class ChangeFeedService {

    /**
     * How far one watched-only page looks ahead: a department watching few subjects pages through
     * everyone's changes in steps of at most this many (each an index-only range read).
     */
    static final int WATCHED_SCAN = 5_000;

    private final ChangeMapper mapper;
    private final Clock clock;

    ChangeFeedService(ChangeMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The changes after {@code after} (at most {@code limit}), all or the caller's watched subjects only. */
    @Transactional
    public ChangeFeed changesAfter(long after, int limit, boolean watchedOnly, Caller caller, String requestId) {
        long newest = mapper.currentSequence();
        if (after > newest) {
            throw ApiException.badField("after", "is beyond the newest change (" + newest + "): a cursor is a "
                    + "nextCursor or an item's cursor this feed answered");
        }
        List<ChangeRow> rows;
        long next;
        if (watchedOnly) {
            long horizon = FeedCursor.contiguousEnd(after, mapper.findSeqsAfter(after, WATCHED_SCAN));
            rows = horizon == after ? List.of() : mapper.findWatchedBetween(caller.department(), after, horizon, limit);
            next = rows.size() == limit ? rows.getLast().seq() : horizon;
        } else {
            List<ChangeRow> found = mapper.findAfter(after, limit);
            rows = found.subList(0, FeedCursor.contiguousCount(after, found.stream().map(ChangeRow::seq).toList()));
            next = rows.isEmpty() ? after : rows.getLast().seq();
        }
        Map<String, List<String>> references = rows.isEmpty() ? Map.of()
                : mapper.findWatchesOfSubjects(caller.department(), rows.stream().map(ChangeRow::subjectKey)
                        .collect(Collectors.toCollection(TreeSet::new))).stream()
                        .collect(Collectors.groupingBy(WatchRow::subjectKey,
                                Collectors.mapping(WatchRow::reference, Collectors.toList())));
        mapper.insertFeedRead(new FeedReadRow(null, caller.department(), String.join(",", new TreeSet<>(caller.roles())),
                requestId, after, next, rows.isEmpty() ? null : rows.getFirst().seq(),
                rows.isEmpty() ? null : rows.getLast().seq(), rows.size(), watchedOnly,
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        return new ChangeFeed(rows.stream().map(r -> new ChangeFeed.Item(r.seq(), shown(r.subjectKey()), r.subjectType(),
                r.kind(), r.source(), r.status(), r.changedAt(), r.listingId(),
                r.formerSubjectKey() == null ? null : shown(r.formerSubjectKey()),
                references.getOrDefault(r.subjectKey(), List.of()))).toList(), next);
    }

    /** The audit of feed reads, newest first (credit office). */
    List<FeedReadRow> reads(String department, int page, int size) {
        return mapper.findFeedReads(department, size, (long) page * size);
    }

    /** How a subject key is shown: a unit by its USCC, a person as its key, P:&lt;keyed hash&gt; (never the number). */
    static String shown(String subjectKey) {
        return subjectKey.startsWith("U:") ? subjectKey.substring(2) : subjectKey;
    }
}
