package cn.chongchuan.safetycredit.sanction.notice;

import java.time.Instant;

/**
 * Where a department's pull feed stands: the last number given to one of its notices, and how far
 * the department has acknowledged (0 and 0 for a department that has had no notice yet).
 */
public record FeedPosition(String department, long lastSequence, long acknowledgedSequence,
        Instant acknowledgedAt) {

    public static FeedPosition empty(String department) {
        return new FeedPosition(department, 0, 0, null);
    }
}
