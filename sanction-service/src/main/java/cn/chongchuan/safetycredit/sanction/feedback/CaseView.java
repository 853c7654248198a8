package cn.chongchuan.safetycredit.sanction.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A sanction case and, per department and notice, how far the "发起—响应—反馈" loop has come. */
public record CaseView(long listingId, String subjectType, String subjectName, String subjectCode,
        String decisionNumber, String status, String endCause, Instant startedAt, Instant endedAt,
        List<DepartmentProgress> departments) {

    /** One notice to one department. */
    public record DepartmentProgress(String department, String noticeId, String kind, String deliveryStatus,
            Instant deliveredAt, int attempts, String lastReason, Instant acknowledgedAt, LocalDate feedbackDueOn,
            Instant feedbackAt, boolean overdue, List<FeedbackEntry> feedback) {
    }
}
