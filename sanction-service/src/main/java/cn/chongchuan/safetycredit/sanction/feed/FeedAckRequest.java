package cn.chongchuan.safetycredit.sanction.feed;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The cursor up to which (inclusive) the department has taken its feed's notices. */
record FeedAckRequest(@NotNull @Pattern(regexp = FeedController.CURSOR, message = FeedController.CURSOR_REASON)
        String cursor) {
}
