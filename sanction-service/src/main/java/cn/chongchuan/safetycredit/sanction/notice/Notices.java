package cn.chongchuan.safetycredit.sanction.notice;

import cn.chongchuan.safetycredit.platform.web.Paging;
import cn.chongchuan.safetycredit.sanction.notice.domain.FeedAcknowledgement;
import cn.chongchuan.safetycredit.sanction.notice.internal.NoticeMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The notices and cases as the other modules read them, and the departments' answers as they
 * record them: the notice module's tables are read and written nowhere else.
 */
@Service
public class Notices {

    private final NoticeMapper notices;

    Notices(NoticeMapper notices) {
        this.notices = notices;
    }

    public Optional<Notice> findById(String id) {
        return notices.findById(id);
    }

    /** "响应": the department has the notice. Only the first acknowledgement counts. */
    public void acknowledge(String id, Instant at) {
        notices.acknowledge(id, at);
    }

    /** "反馈" complete: every measure of the notice has an outcome (acknowledging it too, if it was not). */
    public void markAnswered(String id, Instant at) {
        notices.markAnswered(id, at);
    }

    /** A department's notices, newest first; of one stage, or of all when {@code stage} is null. */
    public List<Notice> findInbox(String department, NoticeStage stage, int page, int size) {
        return notices.findInbox(department, stage, size, Paging.offset(page, size));
    }

    /** A listing's case and its notices, oldest first: what the case overview shows. */
    public Optional<CaseNotices> findCase(long listingId) {
        return notices.findCaseByListingId(listingId)
                .map(sanctionCase -> new CaseNotices(sanctionCase, notices.findByCase(sanctionCase.id())));
    }

    /** Notices that reached their department, have no complete feedback and are past their due day. */
    public List<Notice> findOverdue(LocalDate today, int page, int size) {
        return notices.findOverdue(today, size, Paging.offset(page, size));
    }

    /** Notices flagged for ADMIN: refused by the department (4xx) or dead after the schedule. */
    public List<Notice> findFlagged(int page, int size) {
        return notices.findFlagged(size, Paging.offset(page, size));
    }

    /** A department's pull feed: its notices numbered after {@code after}, in order, at most {@code limit}. */
    public List<FeedNotice> feed(String department, long after, int limit) {
        return notices.findFeed(department, after, limit);
    }

    /** Where a department's pull feed stands (all zero before its first notice). */
    public FeedPosition feedPosition(String department) {
        return notices.findFeedPosition(department).orElseGet(() -> FeedPosition.empty(department));
    }

    /**
     * Acknowledges a department's feed up to and including {@code through}: the position moves there
     * and the notices in between that were not acknowledged yet are, at {@code at} (as if each had
     * been acknowledged on its own: their feedback stays due, and they leave the NEW stage). Judged
     * by {@link FeedAcknowledgement}; only {@code ADVANCES} writes anything.
     */
    @Transactional
    public FeedAck acknowledgeFeed(String department, long through, Instant at) {
        FeedPosition before = notices.lockFeedPosition(department).orElseGet(() -> FeedPosition.empty(department));
        FeedAcknowledgement verdict = FeedAcknowledgement.judge(before.acknowledgedSequence(), before.lastSequence(),
                through);
        int acknowledged = 0;
        if (verdict == FeedAcknowledgement.ADVANCES) {
            acknowledged = notices.acknowledgeFeedRange(department, before.acknowledgedSequence(), through, at);
            notices.moveFeedAcknowledgement(department, through, at);
        }
        return new FeedAck(verdict, before, acknowledged);
    }

    /**
     * What a feed acknowledgement did.
     *
     * @param before       the position before it
     * @param acknowledged how many notices it moved from NEW to ACKNOWLEDGED
     */
    public record FeedAck(FeedAcknowledgement verdict, FeedPosition before, int acknowledged) {
    }

    /** A sanction case with every notice sent in it. */
    public record CaseNotices(SanctionCase sanctionCase, List<Notice> notices) {
    }
}
