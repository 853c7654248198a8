package cn.chongchuan.safetycredit.credit.changes.domain;

import java.util.List;

/**
 * The cursor rule of the changes feed. Sequence numbers are given without gaps and commit in the
 * order they are given (a counter row locked until commit), so the committed changes are always
 * 1..n. A reader may still, for an instant, see a later change before an earlier one becomes
 * visible (the database releases the counter's lock a moment before the earlier commit is visible
 * to every new read): a page therefore ends before the first gap, and the reader asks again from
 * there. Nothing is skipped, whatever the database's commit timing.
 */
public final class FeedCursor {

    private FeedCursor() {
    }

    /**
     * How many of {@code seqs} (ascending, all after {@code after}) follow {@code after} without a
     * gap: the page may hold only those.
     */
    public static int contiguousCount(long after, List<Long> seqs) {
        long expected = after + 1;
        int count = 0;
        for (long seq : seqs) {
            if (seq != expected) {
                break;
            }
            count++;
            expected++;
        }
        return count;
    }

    /** The last sequence number of that run, {@code after} itself when it is empty. */
    public static long contiguousEnd(long after, List<Long> seqs) {
        return after + contiguousCount(after, seqs);
    }
}
