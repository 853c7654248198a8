package cn.chongchuan.safetycredit.sanction.feed;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.Instant;

/**
 * One read of a feed that gave out notices, or one acknowledgement that moved its position: who
 * ({@code callerDepartment} with its roles), which feed, and the cursors {@code (after, through]}
 * (strings, as the feed gives cursors out).
 */
public record FeedAccess(String department, String callerDepartment, String callerRoles, Action action,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long afterCursor,
        @JsonFormat(shape = JsonFormat.Shape.STRING) long throughCursor, int notices, Instant at) {

    public enum Action { READ, ACK }
}
