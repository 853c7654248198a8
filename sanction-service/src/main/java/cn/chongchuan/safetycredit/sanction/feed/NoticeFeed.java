package cn.chongchuan.safetycredit.sanction.feed;

import cn.chongchuan.safetycredit.platform.web.Caller;
import cn.chongchuan.safetycredit.platform.web.Paging;
import cn.chongchuan.safetycredit.sanction.department.DepartmentService;
import cn.chongchuan.safetycredit.sanction.department.NoticeSigner;
import cn.chongchuan.safetycredit.sanction.department.NoticeSigningException;
import cn.chongchuan.safetycredit.sanction.department.WebhookHeaders;
import cn.chongchuan.safetycredit.sanction.feed.internal.FeedAccessMapper;
import cn.chongchuan.safetycredit.sanction.notice.FeedNotice;
import cn.chongchuan.safetycredit.sanction.notice.FeedPosition;
import cn.chongchuan.safetycredit.sanction.notice.Notices;
import cn.chongchuan.safetycredit.sanction.support.SanctionProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A department's pull feed: its notices in the order of their feed numbers (exact under concurrent
 * writers, see V11__notice_feed.sql), each with the headers a push of the same body carries.
 */
@Service
class NoticeFeed {

    private static final Logger log = LoggerFactory.getLogger(NoticeFeed.class);

    /**
     * The longest a read waits for a notice. The gateway ends a request to sanction-service after
     * 15 s (gateway.timeouts.response-ms): 10 s leaves room for the read itself and the signing.
     */
    static final int MAX_WAIT_SECONDS = 10;
    /** How often a waiting reader looks again without a signal (notices committed by another instance). */
    static final Duration RECHECK = Duration.ofSeconds(1);

    private final Notices notices;
    private final DepartmentService departments;
    private final NoticeSigner signer;
    private final FeedSignal signal;
    private final FeedAccessMapper access;
    private final Clock clock;

    NoticeFeed(Notices notices, DepartmentService departments, NoticeSigner signer, FeedSignal signal,
            FeedAccessMapper access, Clock clock) {
        this.notices = notices;
        this.departments = departments;
        this.signer = signer;
        this.signal = signal;
        this.access = access;
        this.clock = clock;
    }

    /** Not transactional: nothing is held open while the reader waits, and each look sees the latest commits. */
    FeedPage read(Caller caller, String department, String after, int limit, int waitSeconds) {
        String target = department == null ? caller.department() : department;
        caller.requireOwns(target, "feed of department " + target);
        if (departments.findIfPresent(target).isEmpty()) {
            throw SanctionProblems.notFound("Department " + target);
        }
        FeedPosition position = notices.feedPosition(target);
        long from = after == null ? position.acknowledgedSequence() : Long.parseLong(after);
        if (from > position.lastSequence()) {
            throw SanctionProblems.invalid("after", "is beyond the last notice of the feed ("
                    + position.lastSequence() + ")");
        }
        List<FeedNotice> found = look(target, from, limit, Duration.ofSeconds(waitSeconds));
        long timestamp = clock.instant().getEpochSecond();
        NoticeSigner.Keys keys = found.isEmpty() ? null : keysOf(target);
        List<FeedPage.Item> items = new ArrayList<>(found.size());
        for (FeedNotice notice : found) {
            items.add(new FeedPage.Item(Long.toString(notice.sequence()), notice.id(), notice.kind(),
                    notice.createdAt(), notice.body(), view(headers(keys, notice, timestamp))));
        }
        long next = found.isEmpty() ? from : found.getLast().sequence();
        if (!found.isEmpty()) {
            access.insert(new FeedAccess(target, caller.department(), roles(caller), FeedAccess.Action.READ, from,
                    next, found.size(), clock.instant()));
            log.info("feed of {}: {} read notices {} to {}", target, caller.department(), found.getFirst().sequence(),
                    next);
        }
        return new FeedPage(target, items, Long.toString(next), Long.toString(position.acknowledgedSequence()));
    }

    /** The position moves forward only, and not past the feed's last notice; repeating it is harmless. */
    @Transactional
    FeedAckView acknowledge(Caller caller, String cursor) {
        String department = caller.department();
        long through = Long.parseLong(cursor);
        Notices.FeedAck ack = notices.acknowledgeFeed(department, through, clock.instant());
        FeedPosition before = ack.before();
        switch (ack.verdict()) {
            case BEYOND_FEED -> throw SanctionProblems.invalid("cursor", "is beyond the last notice of the feed ("
                    + before.lastSequence() + ")");
            case GOES_BACK -> throw SanctionProblems.conflict("feed-position", "cursor " + through
                    + " is before the acknowledged cursor " + before.acknowledgedSequence()
                    + ": a feed's position never goes back.");
            case ADVANCES -> {
                access.insert(new FeedAccess(department, department, roles(caller), FeedAccess.Action.ACK,
                        before.acknowledgedSequence(), through, ack.acknowledged(), clock.instant()));
                log.info("feed of {} acknowledged through {} ({} notices newly acknowledged)", department, through,
                        ack.acknowledged());
            }
            case REPEATS -> {
                // Already there: nothing to record.
            }
        }
        return new FeedAckView(department, Long.toString(Math.max(through, before.acknowledgedSequence())),
                Long.toString(before.lastSequence()), ack.acknowledged());
    }

    List<FeedAccess> access(String department, int page, int size) {
        return access.find(department, size, Paging.offset(page, size));
    }

    /** The notices after {@code from}; with nothing there, looks again on each signal (or each second) until {@code wait}. */
    private List<FeedNotice> look(String department, long from, int limit, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            long generation = signal.generation();
            List<FeedNotice> found = notices.feed(department, from, limit);
            long left = deadline - System.nanoTime();
            if (!found.isEmpty() || left <= 0) {
                return found;
            }
            try {
                signal.awaitIssuedAfter(generation, Duration.ofNanos(Math.min(left, RECHECK.toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return found;
            }
        }
    }

    /**
     * The department's signing keys, opened once for the page. A department without a usable secret
     * still gets its notices (signature null): it reads them over its authenticated API connection;
     * the signature only lets it run the same check on pulled and pushed notices.
     */
    private NoticeSigner.Keys keysOf(String department) {
        try {
            return signer.keysOf(department);
        } catch (NoticeSigningException e) {
            log.warn("feed of {}: notices served unsigned: {}", department, e.getMessage());
            return null;
        }
    }

    /** The headers a push of this body would carry (signature null without keys). */
    private static WebhookHeaders headers(NoticeSigner.Keys keys, FeedNotice notice, long timestamp) {
        if (keys == null) {
            return new WebhookHeaders(notice.id(), Long.toString(timestamp), null);
        }
        return keys.sign(notice.id(), timestamp, notice.body().getBytes(StandardCharsets.UTF_8));
    }

    private static FeedPage.Headers view(WebhookHeaders headers) {
        return new FeedPage.Headers(headers.id(), headers.timestamp(), headers.signature());
    }

    private static String roles(Caller caller) {
        return String.join(",", new TreeSet<>(caller.roles()));
    }
}
