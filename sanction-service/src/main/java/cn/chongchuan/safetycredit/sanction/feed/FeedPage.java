package cn.chongchuan.safetycredit.sanction.feed;

import cn.chongchuan.safetycredit.sanction.notice.domain.NoticeKind;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * One page of a department's feed.
 *
 * @param nextCursor         the {@code after} of the next read: the last item's cursor, or the
 *                           request's own when there was nothing new
 * @param acknowledgedCursor the department's acknowledged position
 */
public record FeedPage(String department, List<Item> items, String nextCursor, String acknowledgedCursor) {

    /**
     * A notice in the feed.
     *
     * @param body    the exact JSON a push sends: its UTF-8 bytes are what {@code headers} sign
     * @param headers the headers a push of this body would carry, signed at the time of the read
     */
    public record Item(String cursor, String noticeId, NoticeKind kind, Instant createdAt, String body,
            Headers headers) {
    }

    /** Standard Webhooks header values; {@code webhook-signature} is null for a department without a secret. */
    public record Headers(@JsonProperty("webhook-id") String id, @JsonProperty("webhook-timestamp") String timestamp,
            @JsonProperty("webhook-signature") String signature) {
    }
}
