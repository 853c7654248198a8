package cn.chongchuan.safetycredit.sanction.feedback;

import java.time.Instant;
import java.time.LocalDate;

/** A reported outcome for one measure of a notice. */
public record FeedbackEntry(String noticeId, String measureCode, String outcome, String referenceNumber,
        LocalDate date, String note, Instant reportedAt) {
}
