package cn.chongchuan.safetycredit.sanction.feed;

/**
 * A department's feed position after an acknowledgement.
 *
 * @param acknowledgedCursor where a read without {@code after} now starts
 * @param lastCursor         the cursor of the last notice the feed has
 * @param acknowledgedNotices how many notices this acknowledgement moved from NEW to ACKNOWLEDGED
 */
public record FeedAckView(String department, String acknowledgedCursor, String lastCursor, int acknowledgedNotices) {
}
