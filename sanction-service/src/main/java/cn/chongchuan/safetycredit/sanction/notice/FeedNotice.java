package cn.chongchuan.safetycredit.sanction.notice;

import cn.chongchuan.safetycredit.sanction.notice.domain.NoticeKind;

import java.time.Instant;

/**
 * A notice as its department's pull feed serves it.
 *
 * @param sequence the notice's number in its department's feed: 1, 2, 3… in the order the notices
 *                 became visible (see V11__notice_feed.sql), the cursor of the feed
 * @param body     the exact JSON a push sends (its UTF-8 bytes are what the signature covers)
 */
public record FeedNotice(long sequence, String id, NoticeKind kind, Instant createdAt, String body) {
}
