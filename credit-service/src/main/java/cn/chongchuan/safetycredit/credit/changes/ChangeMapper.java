package cn.chongchuan.safetycredit.credit.changes;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.util.Collection;
import java.util.List;

/** The changes feed's tables: the changes, their sequence counter, the watches and the read audit. */
@Mapper
interface ChangeMapper {

    /** Takes {@code count} sequence numbers: locks the counter row until the transaction ends. */
    void advanceSequence(int count);

    /** The counter as this transaction sees it: after {@link #advanceSequence}, the last number it took. */
    long currentSequence();

    void insertChanges(@Param("rows") List<ChangeRow> rows);

    /** The listings' states as the listing module publishes them ({@code listing_read}). */
    List<ListingStateRow> findListingStates(@Param("ids") Collection<Long> ids);

    record ListingStateRow(long id, String state) {
    }

    List<ChangeRow> findAfter(@Param("after") long after, @Param("limit") int limit);

    List<Long> findSeqsAfter(@Param("after") long after, @Param("limit") int limit);

    /** Changes in (after, upTo] of subjects the department watches, oldest first. */
    List<ChangeRow> findWatchedBetween(@Param("department") String department, @Param("after") long after,
            @Param("upTo") long upTo, @Param("limit") int limit);

    List<WatchRow> findWatchesOfSubjects(@Param("department") String department, @Param("keys") Collection<String> keys);

    List<WatchRow> findWatchesByReference(@Param("department") String department, @Param("reference") String reference);

    /** The department's watches under the current keys, oldest first. */
    List<WatchRow> findWatches(@Param("department") String department, @Param("limit") int limit,
            @Param("offset") long offset);

    long countWatches(String department);

    void insertWatches(@Param("rows") List<WatchRow> rows);

    int deleteWatch(@Param("department") String department, @Param("reference") String reference);

    /** A person re-hashed: drops the old key's watches where the new key's row exists already ... */
    int deleteWatchesSupersededBy(@Param("oldKey") String oldKey, @Param("newKey") String newKey);

    /** ... and moves the others onto the new key, as current. */
    int rekeyWatches(@Param("oldKey") String oldKey, @Param("newKey") String newKey);

    void insertFeedRead(FeedReadRow row);

    /** The read audit, newest first; {@code department} optional. */
    List<FeedReadRow> findFeedReads(@Param("department") String department, @Param("limit") int limit,
            @Param("offset") long offset);
}
