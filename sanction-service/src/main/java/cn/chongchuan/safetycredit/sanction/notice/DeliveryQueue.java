package cn.chongchuan.safetycredit.sanction.notice;

import cn.chongchuan.safetycredit.sanction.notice.domain.DeliveryHistory;
import cn.chongchuan.safetycredit.sanction.notice.internal.DeliveryMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The notices as the dispatchers work through them: claimed when due under a lease, the outcome of
 * each round written by the lease holder, replays, and the counts ADMIN's dashboard shows. The
 * delivery module decides when and how to send; the state it leaves lives with the notice.
 */
@Service
public class DeliveryQueue {

    private final DeliveryMapper deliveries;

    DeliveryQueue(DeliveryMapper deliveries) {
        this.deliveries = deliveries;
    }

    /**
     * Locks due notices without blocking on rows other dispatchers hold, and leases them to
     * {@code dispatcher} — never more of one department than {@code maxPerDepartment} in flight; the
     * rows left out stay queued. Runs in the caller's transaction, which the lease must commit with.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ClaimedNotice> claimDue(String dispatcher, int limit, int maxPerDepartment, Instant now,
            Instant leaseUntil) {
        List<DeliveryMapper.DueNotice> due = deliveries.lockDue(now, limit, maxPerDepartment);
        if (due.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> load = new HashMap<>();
        deliveries.countInFlight(now).forEach(l -> load.put(l.departmentCode(), l.inFlight()));
        List<String> ids = new ArrayList<>();
        for (DeliveryMapper.DueNotice notice : due) {
            if (load.merge(notice.departmentCode(), 1, Integer::sum) <= maxPerDepartment) {
                ids.add(notice.id());
            }
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        deliveries.lease(ids, dispatcher, leaseUntil);
        return deliveries.findClaimed(ids, dispatcher);
    }

    /** Writes the outcome of a round; false when the dispatcher no longer held the lease (nothing written). */
    public boolean finishRound(DeliveryUpdate update) {
        return deliveries.finish(update) > 0;
    }

    /** Puts a finished notice back in the queue with a fresh schedule; false when it is still pending. */
    public boolean requeue(String noticeId, Instant now) {
        return deliveries.requeue(noticeId, now) > 0;
    }

    /** Puts every DEAD notice of a department back in the queue; returns how many. */
    public int requeueDead(String department, Instant now) {
        return deliveries.requeueDead(department, now);
    }

    /**
     * Makes every notice of a department that waits in the queue due now, with a fresh schedule
     * (e.g. once its endpoint is enabled again); returns how many.
     */
    public int requeueWaiting(String department, Instant now) {
        return deliveries.requeueWaiting(department, now);
    }

    /** Per department, how many notices stand where (without the breaker state). */
    public List<DeliverySummary> summarise() {
        return deliveries.summarise();
    }

    /** Notices per Asia/Shanghai day and kind of event from {@code since} on; of one department, or of all. */
    public List<DeliveryHistory.DayCount> countByDay(String department, Instant since) {
        return deliveries.countByDay(department, since);
    }
}
