package cn.chongchuan.safetycredit.sanction.feedback;

import cn.chongchuan.safetycredit.sanction.notice.ListingEvent;
import cn.chongchuan.safetycredit.sanction.notice.domain.CaseStatus;
import cn.chongchuan.safetycredit.sanction.notice.domain.DeliveryStatus;
import cn.chongchuan.safetycredit.sanction.notice.domain.NoticeKind;
import cn.chongchuan.safetycredit.sanction.support.SubjectType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A sanction case and, per department and notice, how far the "发起—响应—反馈" loop has come. */
public record CaseView(long listingId, SubjectType subjectType, String subjectName, String subjectCode,
        String decisionNumber, CaseStatus status, ListingEvent.Cause endCause, Instant startedAt, Instant endedAt,
        List<DepartmentProgress> departments) {

    /** One notice to one department. */
    public record DepartmentProgress(String department, String noticeId, NoticeKind kind,
            DeliveryStatus deliveryStatus, Instant deliveredAt, int attempts, String lastReason, Instant acknowledgedAt,
            LocalDate feedbackDueOn, Instant feedbackAt, boolean overdue, List<FeedbackEntry> feedback) {
    }
}
