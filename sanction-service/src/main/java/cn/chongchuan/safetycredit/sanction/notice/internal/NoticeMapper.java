package cn.chongchuan.safetycredit.sanction.notice.internal;

import cn.chongchuan.safetycredit.platform.persistence.GeneratedId;
import cn.chongchuan.safetycredit.sanction.notice.FeedNotice;
import cn.chongchuan.safetycredit.sanction.notice.FeedPosition;
import cn.chongchuan.safetycredit.sanction.notice.ListingEvent;
import cn.chongchuan.safetycredit.sanction.notice.Notice;
import cn.chongchuan.safetycredit.sanction.notice.NoticeStage;
import cn.chongchuan.safetycredit.sanction.notice.SanctionCase;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The sanction_case and notice tables, owned by the notice module: cases, the notices' content and
 * the departments' answers. The delivery state of the notices is {@link DeliveryMapper}'s.
 */
@Mapper
public interface NoticeMapper {

    /** Inserts the case and puts its generated id into {@code id}. */
    int insertCase(@Param("id") GeneratedId id, @Param("c") NewCase sanctionCase);

    Optional<SanctionCase> findCaseByListingId(@Param("listingId") long listingId);

    /** Re-opens a case whose listing was restored (a revoked repair). */
    int restartCase(@Param("id") long id, @Param("startedAt") Instant startedAt);

    int endCase(@Param("id") long id, @Param("endCause") ListingEvent.Cause endCause,
            @Param("endedAt") Instant endedAt);

    int insertNotices(@Param("notices") List<NewNotice> notices);

    Optional<Notice> findById(@Param("id") String id);

    /** The notices of the latest start of a case (the departments an end notice goes to). */
    List<Notice> findLatestStartNotices(@Param("caseId") long caseId);

    List<Notice> findByCase(@Param("caseId") long caseId);

    /** A department's notices, newest first, narrowed to one stage when it is given. */
    List<Notice> findInbox(@Param("department") String department, @Param("stage") NoticeStage stage,
            @Param("limit") int limit, @Param("offset") long offset);

    /** Notices that reached their department, have no complete feedback and are past their due day. */
    List<Notice> findOverdue(@Param("today") LocalDate today, @Param("limit") int limit, @Param("offset") long offset);

    /** Notices flagged for ADMIN: refused by the department (4xx) or dead after the schedule. */
    List<Notice> findFlagged(@Param("limit") int limit, @Param("offset") long offset);

    int acknowledge(@Param("id") String id, @Param("at") Instant at);

    int markAnswered(@Param("id") String id, @Param("at") Instant at);

    /** How many notices each department has in each delivery status (index-only: ix_notice_department). */
    List<StatusCount> countByDepartmentAndStatus();

    record StatusCount(String department, String status, long count) {
    }

    /** Notices delivered or pulled without complete feedback past their due day (what findOverdue lists). */
    long countOverdue(@Param("today") LocalDate today);

    /**
     * Takes the next feed number of each department: increments their department_feed rows (creating
     * them at 1) in the order given, and they stay locked until the calling transaction ends; {@link
     * #findFeedPositions} then reads the numbers taken. See V11__notice_feed.sql for why this keeps the
     * feed exact.
     */
    int bumpFeedSequences(@Param("departments") List<String> departments);

    /** The departments' feed positions as this transaction sees them (after {@link #bumpFeedSequences}). */
    List<FeedPosition> findFeedPositions(@Param("departments") List<String> departments);

    Optional<FeedPosition> findFeedPosition(@Param("department") String department);

    /** The department's feed position, locked until the transaction ends (acknowledgements queue up). */
    Optional<FeedPosition> lockFeedPosition(@Param("department") String department);

    /** The department's notices numbered after {@code after}, in feed order. */
    List<FeedNotice> findFeed(@Param("department") String department, @Param("after") long after,
            @Param("limit") int limit);

    int moveFeedAcknowledgement(@Param("department") String department, @Param("through") long through,
            @Param("at") Instant at);

    /** Acknowledges the department's notices numbered in (after, through] that were not yet. */
    int acknowledgeFeedRange(@Param("department") String department, @Param("after") long after,
            @Param("through") long through, @Param("at") Instant at);
}
