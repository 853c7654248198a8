package cn.chongchuan.safetycredit.credit.objection;

import java.time.Instant;
import java.time.LocalDate;

/** An objection (异议) against a listing and, once given, the credit office's answer. */
public record Objection(
        Long id,
        long listingId,
        String filedBy,
        String content,
        String recordedBy,
        Instant filedAt,
        LocalDate answerDue,
        String answer,
        String outcome,
        String answeredBy,
        Instant answeredAt) {
}
