package cn.chongchuan.safetycredit.sanction.notice;

import cn.chongchuan.safetycredit.platform.web.Paging;
import cn.chongchuan.safetycredit.sanction.notice.internal.NoticeMapper;
import org.springframework.stereotype.Service;

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

    /** A sanction case with every notice sent in it. */
    public record CaseNotices(SanctionCase sanctionCase, List<Notice> notices) {
    }
}
