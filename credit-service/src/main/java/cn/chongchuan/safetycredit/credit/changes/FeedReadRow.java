package cn.chongchuan.safetycredit.credit.changes;

import java.time.Instant;

/** One audited read of the feed: who read which cursor range, how many items, when. */
record FeedReadRow(Long id, String departmentCode, String callerRoles, String requestId, long afterSeq, long nextSeq,
        Long firstSeq, Long lastSeq, int itemCount, boolean watchedOnly, Instant readAt) {
}
