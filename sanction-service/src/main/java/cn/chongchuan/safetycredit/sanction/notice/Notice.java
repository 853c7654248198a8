package cn.chongchuan.safetycredit.sanction.notice;

import cn.chongchuan.safetycredit.sanction.notice.domain.DeliveryStatus;
import cn.chongchuan.safetycredit.sanction.notice.domain.NoticeKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One notice to one department about one listing, as the inbox, the case view and ADMIN read it:
 * what it says, where its delivery stands, and how far the department has answered.
 */
public record Notice(String id, long listingId, String departmentCode, NoticeKind kind, List<String> measureCodes,
        String body, Instant createdAt, Delivery delivery, Answer answer) {

    public Notice {
        measureCodes = measureCodes == null ? List.of() : List.copyOf(measureCodes);
    }

    /** Whether the department has the notice, has not fed back completely, and its due day is past. */
    public boolean overdueOn(LocalDate today) {
        return answer.feedbackAt() == null && delivery.status().reachedDepartment()
                && answer.feedbackDueOn().isBefore(today);
    }

    /** Where the notice stands in its delivery: its status, the calls made, the last failure, when it arrived. */
    public record Delivery(DeliveryStatus status, int attempts, String lastReason, Instant deliveredAt) {
    }

    /** The department's side ("响应—反馈"): feedback due on, acknowledged at, every measure answered at. */
    public record Answer(LocalDate feedbackDueOn, Instant acknowledgedAt, Instant feedbackAt) {
    }
}
