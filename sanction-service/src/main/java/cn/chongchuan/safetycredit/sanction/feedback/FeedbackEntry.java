package cn.chongchuan.safetycredit.sanction.feedback;

import cn.chongchuan.safetycredit.sanction.feedback.domain.MeasureOutcome;

import java.time.Instant;
import java.time.LocalDate;

/** A reported outcome for one measure of a notice. */
public record FeedbackEntry(String noticeId, String measureCode, MeasureOutcome outcome, String referenceNumber,
        LocalDate date, String note, Instant reportedAt) {
}
