package cn.chongchuan.safetycredit.sanction.feedback;

import cn.chongchuan.safetycredit.sanction.notice.domain.DeliveryStatus;
import cn.chongchuan.safetycredit.sanction.notice.domain.NoticeKind;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A notice as its department (or ADMIN) sees it: the content it was sent, and where it stands. */
public record NoticeView(String id, NoticeKind kind, String department, long listingId, List<String> measureCodes,
        DeliveryStatus deliveryStatus, Instant createdAt, Instant deliveredAt, Instant acknowledgedAt,
        LocalDate feedbackDueOn, Instant feedbackAt, boolean overdue, List<FeedbackEntry> feedback,
        JsonNode content) {
}
