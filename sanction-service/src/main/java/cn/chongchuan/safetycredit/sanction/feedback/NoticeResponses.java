package cn.chongchuan.safetycredit.sanction.feedback;

import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.web.Caller;
import cn.chongchuan.safetycredit.sanction.feedback.internal.FeedbackMapper;
import cn.chongchuan.safetycredit.sanction.notice.FeedbackProperties;
import cn.chongchuan.safetycredit.sanction.notice.Notice;
import cn.chongchuan.safetycredit.sanction.notice.NoticeStage;
import cn.chongchuan.safetycredit.sanction.notice.Notices;
import cn.chongchuan.safetycredit.sanction.notice.SanctionCase;
import cn.chongchuan.safetycredit.sanction.notice.domain.NoticeKind;
import cn.chongchuan.safetycredit.sanction.support.SanctionProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The departments' side of the loop ("响应—反馈"): their inbox, acknowledging a notice and
 * reporting what they applied; and ADMIN's view of it: overdue feedback and the case overview.
 * A department reads and acts only on its own notices ({@link Caller#owns}); another department's
 * notice, inbox or case answers 404 exactly as one that does not exist.
 */
@Service
class NoticeResponses {

    private static final Logger log = LoggerFactory.getLogger(NoticeResponses.class);

    private final Notices notices;
    private final FeedbackMapper feedback;
    private final JsonMapper json;
    private final Clock clock;
    private final FeedbackProperties properties;

    NoticeResponses(Notices notices, FeedbackMapper feedback, JsonMapper json, Clock clock,
            FeedbackProperties properties) {
        this.notices = notices;
        this.feedback = feedback;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    /** The caller's notices; ADMIN may look at any department's. */
    public List<NoticeView> inbox(Caller caller, String department, String stage, int page, int size) {
        String target = department == null ? caller.department() : department;
        caller.requireOwns(target, "inbox of department " + target);
        List<Notice> found = notices.findInbox(target, stage == null ? null : NoticeStage.valueOf(stage), page, size);
        return views(found);
    }

    public NoticeView describeNotice(Caller caller, String noticeId) {
        Notice notice = readable(caller, noticeId);
        return view(notice, feedback.findByNotice(noticeId));
    }

    /** "响应": the department confirms it received the notice. Repeating it changes nothing. */
    @Transactional
    public NoticeView acknowledgeNotice(Caller caller, String noticeId) {
        Notice notice = own(caller, noticeId);
        notices.acknowledge(noticeId, clock.instant());
        log.info("notice {} acknowledged by {}", noticeId, caller.department());
        return describeNotice(caller, notice.id());
    }

    /** "反馈": the department reports per measure; once every measure has an outcome the notice is answered. */
    @Transactional
    public NoticeView reportFeedback(Caller caller, String noticeId, FeedbackRequest request) {
        Notice notice = own(caller, noticeId);
        NoticeKind kind = notice.kind();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.outcomes().size(); i++) {
            FeedbackRequest.Item item = request.outcomes().get(i);
            String field = "outcomes[" + i + "]";
            if (!notice.measureCodes().contains(item.measureCode())) {
                throw SanctionProblems.invalid(field + ".measureCode", "is not a measure of this notice");
            }
            if (!seen.add(item.measureCode())) {
                throw SanctionProblems.invalid(field + ".measureCode", "is reported twice");
            }
            if (!item.outcome().answers(kind)) {
                throw SanctionProblems.invalid(field + ".outcome", "does not answer a " + kind + " notice");
            }
            if (item.outcome().needsDate() && item.date() == null) {
                throw SanctionProblems.invalid(field + ".date", "is required for " + item.outcome());
            }
        }
        Instant now = clock.instant();
        for (FeedbackRequest.Item item : request.outcomes()) {
            feedback.upsert(new FeedbackEntry(noticeId, item.measureCode(), item.outcome(),
                    item.referenceNumber(), item.date(), item.note(), now));
        }
        notices.acknowledge(noticeId, now);
        Set<String> answered = feedback.findByNotice(noticeId).stream().map(FeedbackEntry::measureCode)
                .collect(Collectors.toSet());
        if (answered.containsAll(notice.measureCodes()) && notice.answer().feedbackAt() == null) {
            notices.markAnswered(noticeId, now);
        }
        log.info("notice {}: feedback from {} on {} measures", noticeId, caller.department(), request.outcomes().size());
        return describeNotice(caller, noticeId);
    }

    public List<NoticeView> overdueFeedback(int page, int size) {
        return views(notices.findOverdue(today(), page, size));
    }

    public List<NoticeView> flaggedNotices(int page, int size) {
        return views(notices.findFlagged(page, size));
    }

    /**
     * A sanction case. ADMIN sees every department's progress; any other caller only the progress
     * of its own notices, and a case without one of its notices answers as if it did not exist.
     */
    public CaseView describeCase(Caller caller, long listingId) {
        String what = "sanction case of listing " + listingId;
        Notices.CaseNotices found = notices.findCase(listingId).orElseThrow(() -> ApiException.notFound(what));
        SanctionCase sanctionCase = found.sanctionCase();
        // The department that decided the listing follows its whole case; any other only its own notices.
        boolean wholeCase = sanctionCase.decidingDepartment() != null && caller.owns(sanctionCase.decidingDepartment());
        List<Notice> caseNotices = found.notices().stream()
                .filter(n -> wholeCase || caller.owns(n.departmentCode()))
                .toList();
        if (caseNotices.isEmpty() && !caller.hasRole("ADMIN")) {
            throw ApiException.notFound(what);
        }
        Map<String, List<FeedbackEntry>> reports = feedbackOf(caseNotices);
        LocalDate today = today();
        List<CaseView.DepartmentProgress> progress = caseNotices.stream()
                .map(n -> new CaseView.DepartmentProgress(n.departmentCode(), n.id(), n.kind(), n.delivery().status(),
                        n.delivery().deliveredAt(), n.delivery().attempts(), n.delivery().lastReason(),
                        n.answer().acknowledgedAt(), n.answer().feedbackDueOn(), n.answer().feedbackAt(),
                        n.overdueOn(today), reports.getOrDefault(n.id(), List.of())))
                .toList();
        return new CaseView(sanctionCase.listingId(), sanctionCase.subjectType(), sanctionCase.subjectName(),
                sanctionCase.subjectCode(), sanctionCase.decisionNumber(), sanctionCase.status(),
                sanctionCase.endCause(), sanctionCase.startedAt(), sanctionCase.endedAt(), progress);
    }

    /** A notice the caller may read: its own, or any for ADMIN; another department's is "not found". */
    private Notice readable(Caller caller, String noticeId) {
        String what = "notice " + noticeId;
        Notice notice = notices.findById(noticeId).orElseThrow(() -> ApiException.notFound(what));
        caller.requireOwns(notice.departmentCode(), what);
        return notice;
    }

    /** A notice the caller may answer: only the department it was sent to, not even ADMIN for it. */
    private Notice own(Caller caller, String noticeId) {
        Notice notice = readable(caller, noticeId);
        if (!notice.departmentCode().equals(caller.department())) {
            throw SanctionProblems.forbidden("Only the department a notice was sent to can answer it.");
        }
        return notice;
    }

    private List<NoticeView> views(List<Notice> found) {
        Map<String, List<FeedbackEntry>> reports = feedbackOf(found);
        return found.stream().map(n -> view(n, reports.getOrDefault(n.id(), List.of()))).toList();
    }

    private Map<String, List<FeedbackEntry>> feedbackOf(List<Notice> found) {
        if (found.isEmpty()) {
            return Map.of();
        }
        return feedback.findByNotices(found.stream().map(Notice::id).toList()).stream()
                .collect(Collectors.groupingBy(FeedbackEntry::noticeId));
    }

    private NoticeView view(Notice n, List<FeedbackEntry> reports) {
        return new NoticeView(n.id(), n.kind(), n.departmentCode(), n.listingId(), n.measureCodes(),
                n.delivery().status(), n.createdAt(), n.delivery().deliveredAt(), n.answer().acknowledgedAt(),
                n.answer().feedbackDueOn(), n.answer().feedbackAt(), n.overdueOn(today()), reports,
                json.readTree(n.body()));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), properties.zone());
    }
}
