package cn.chongchuan.safetycredit.sanction.feed;

import java.time.Instant;

/**
 * One read of a feed that gave out notices, or one acknowledgement that moved its position: who
 * ({@code callerDepartment} with its roles), which feed, and the cursors {@code (after, through]}.
 */
public record FeedAccess(String department, String callerDepartment, String callerRoles, Action action,
        long afterCursor, long throughCursor, int notices, Instant at) {

    public enum Action { READ, ACK }
}
