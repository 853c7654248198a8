package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.sanction.delivery.domain.AttemptOutcome;

import java.time.Instant;

/** One HTTP call made for a notice and how it ended. */
public record DeliveryAttempt(String noticeId, int attemptNo, String dispatcher, Instant startedAt,
        Instant finishedAt, Integer httpStatus, AttemptOutcome outcome, String reason) {
}
