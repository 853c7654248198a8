package cn.chongchuan.safetycredit.sanction.notice.internal;

import cn.chongchuan.safetycredit.sanction.notice.ClaimedNotice;
import cn.chongchuan.safetycredit.sanction.notice.DeliverySummary;
import cn.chongchuan.safetycredit.sanction.notice.DeliveryUpdate;
import cn.chongchuan.safetycredit.sanction.notice.domain.DeliveryHistory;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;

/** The delivery state of the notice table: claims, leases, the outcome of rounds, replays and counts. */
@Mapper
public interface DeliveryMapper {

    /** A due notice and its department. */
    record DueNotice(String id, String departmentCode) {
    }

    /** How many notices of a department are in flight. */
    record DepartmentLoad(String departmentCode, int inFlight) {
    }

    /**
     * Locks due notices that no live lease holds, skipping rows other dispatchers have locked
     * ({@code FOR UPDATE SKIP LOCKED}) and departments that already have their maximum of notices
     * in flight; call inside a transaction and lease them before it ends.
     */
    List<DueNotice> lockDue(@Param("now") Instant now, @Param("limit") int limit,
            @Param("maxPerDepartment") int maxPerDepartment);

    /** Per department, how many notices are leased right now (by any dispatcher). */
    List<DepartmentLoad> countInFlight(@Param("now") Instant now);

    int lease(@Param("ids") List<String> ids, @Param("owner") String owner, @Param("leaseUntil") Instant leaseUntil);

    List<ClaimedNotice> findClaimed(@Param("ids") List<String> ids, @Param("owner") String owner);

    /** Writes the outcome of a round; 0 when this dispatcher no longer holds the lease. */
    int finish(@Param("u") DeliveryUpdate update);

    /** Puts a finished notice back in the queue with a fresh schedule; 0 when it is still pending. */
    int requeue(@Param("id") String id, @Param("now") Instant now);

    int requeueDead(@Param("department") String department, @Param("now") Instant now);

    /** Makes the department's QUEUED notices due now, with a fresh schedule. */
    int requeueWaiting(@Param("department") String department, @Param("now") Instant now);

    List<DeliverySummary> summarise();

    /**
     * Notices per Asia/Shanghai day and kind of event (CREATED, DELIVERED, ACKNOWLEDGED, ANSWERED,
     * DEAD) from {@code since} on; of one department, or of all when it is null.
     */
    List<DeliveryHistory.DayCount> countByDay(@Param("department") String department, @Param("since") Instant since);
}
