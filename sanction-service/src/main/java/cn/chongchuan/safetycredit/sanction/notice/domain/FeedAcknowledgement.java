package cn.chongchuan.safetycredit.sanction.notice.domain;

/**
 * The rule of a pull-feed acknowledgement ("everything up to and including this cursor is in our
 * system"): it only moves forward, and never past the last notice the feed has given out.
 */
public enum FeedAcknowledgement {

    /** The cursor is past the acknowledged one: the position moves to it. */
    ADVANCES,
    /** The cursor is the acknowledged one: nothing changes (a repeated ack is harmless). */
    REPEATS,
    /** The cursor is before the acknowledged one: refused, the position never goes back. */
    GOES_BACK,
    /** The cursor is past the last notice of the feed: refused, it acknowledges nothing that exists. */
    BEYOND_FEED;

    /**
     * @param acknowledged the department's acknowledged cursor
     * @param last         the last cursor its feed has given a notice
     * @param requested    the cursor it acknowledges now
     */
    public static FeedAcknowledgement judge(long acknowledged, long last, long requested) {
        if (requested > last) {
            return BEYOND_FEED;
        }
        if (requested < acknowledged) {
            return GOES_BACK;
        }
        return requested == acknowledged ? REPEATS : ADVANCES;
    }
}
