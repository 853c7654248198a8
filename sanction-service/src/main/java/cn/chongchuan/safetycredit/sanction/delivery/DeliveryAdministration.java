package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.sanction.delivery.internal.AttemptMapper;
import cn.chongchuan.safetycredit.sanction.department.Department;
import cn.chongchuan.safetycredit.sanction.department.DepartmentEndpoints;
import cn.chongchuan.safetycredit.sanction.department.DepartmentService;
import cn.chongchuan.safetycredit.sanction.department.EndpointDisabledReason;
import cn.chongchuan.safetycredit.sanction.department.EndpointEvent;
import cn.chongchuan.safetycredit.sanction.notice.DeliveryQueue;
import cn.chongchuan.safetycredit.sanction.notice.DeliverySummary;
import cn.chongchuan.safetycredit.sanction.notice.Notice;
import cn.chongchuan.safetycredit.sanction.notice.Notices;
import cn.chongchuan.safetycredit.sanction.notice.NoticesQueued;
import cn.chongchuan.safetycredit.sanction.notice.domain.DeliveryHistory;
import cn.chongchuan.safetycredit.sanction.support.SanctionProblems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** What ADMIN does about deliveries: replay, and see where each department stands. */
@Service
class DeliveryAdministration {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAdministration.class);
    /** The dashboard's days; the history query shifts by its fixed +8 h (no daylight saving). */
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final DeliveryQueue queue;
    private final AttemptMapper attempts;
    private final Notices notices;
    private final DepartmentService departments;
    private final DepartmentResilience resilience;
    private final DepartmentEndpoints endpoints;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeliveryAdministration(DeliveryQueue queue, AttemptMapper attempts, Notices notices,
            DepartmentService departments, DepartmentResilience resilience, DepartmentEndpoints endpoints,
            ApplicationEventPublisher events, Clock clock) {
        this.endpoints = endpoints;
        this.queue = queue;
        this.attempts = attempts;
        this.notices = notices;
        this.departments = departments;
        this.resilience = resilience;
        this.events = events;
        this.clock = clock;
    }

    /** Sends one notice again from the start of the schedule (whatever became of it before). */
    @Transactional
    public void replayNotice(String noticeId) {
        Notice notice = notices.findById(noticeId).orElseThrow(() -> SanctionProblems.notFound("Notice " + noticeId));
        if (!queue.requeue(noticeId, clock.instant())) {
            throw SanctionProblems.conflict("notice-pending", "Notice " + noticeId + " is "
                    + notice.delivery().status() + ": it is already waiting for delivery.");
        }
        log.info("notice {} to {} replayed by ADMIN (was {})", noticeId, notice.departmentCode(),
                notice.delivery().status());
        events.publishEvent(new NoticesQueued(1));
    }

    /** Sends every DEAD notice of a department again; returns how many. */
    @Transactional
    public int replayDeadNotices(String department) {
        departments.find(department);
        int count = queue.requeueDead(department, clock.instant());
        log.info("{} dead notices of {} replayed by ADMIN", count, department);
        if (count > 0) {
            events.publishEvent(new NoticesQueued(count));
        }
        return count;
    }

    /** The department's endpoint state. */
    public EndpointView endpointOf(String department) {
        return EndpointView.of(departments.find(department), endpoints.state(department), null);
    }

    /** What disabled and enabled the department's endpoint, newest first. */
    public List<EndpointEvent> endpointEvents(String department, int limit) {
        departments.find(department);
        return endpoints.events(department, limit);
    }

    /**
     * Pushes to the department's endpoint again: enabled, its failure clock reset, and its waiting
     * notices due at once with a fresh schedule — all in one transaction with the ENABLED event.
     * Enabling an enabled endpoint changes nothing (the answer says 0 requeued).
     */
    @Transactional
    public EndpointView enableEndpoint(String department, String admin) {
        Department found = departments.find(department);
        Instant now = clock.instant();
        int requeued = 0;
        if (!endpoints.state(department).enabled()) {
            // Notice rows first, then the endpoint's: the order a dispatcher's round locks them in.
            requeued = queue.requeueWaiting(department, now);
            endpoints.enable(department, now, admin);
            log.info("endpoint of {} enabled by ADMIN {}: {} waiting notices due now", department, admin, requeued);
            if (requeued > 0) {
                events.publishEvent(new NoticesQueued(requeued));
            }
        }
        return EndpointView.of(found, endpoints.state(department), requeued);
    }

    /** Stops pushing to the department's endpoint (reason ADMIN); its notices wait. Idempotent. */
    @Transactional
    public EndpointView disableEndpoint(String department, String admin) {
        Department found = departments.find(department);
        endpoints.disable(department, EndpointDisabledReason.ADMIN, clock.instant(), null, "disabled by ADMIN", admin);
        return EndpointView.of(found, endpoints.state(department), null);
    }

    public List<DeliverySummary> summariseDeliveries() {
        return queue.summarise().stream()
                .map(s -> s.withCircuitBreaker(resilience.breakerState(s.department())))
                .toList();
    }

    /** The last {@code days} days (today included) of notice events, of one department or of all. */
    public List<DeliveryHistory.Day> history(String department, int days) {
        LocalDate last = LocalDate.now(clock.withZone(CHINA));
        LocalDate first = last.minusDays(days - 1L);
        return DeliveryHistory.of(first, last, queue.countByDay(department, first.atStartOfDay(CHINA).toInstant()));
    }

    public List<DeliveryAttempt> attemptsOf(String noticeId) {
        notices.findById(noticeId).orElseThrow(() -> SanctionProblems.notFound("Notice " + noticeId));
        return attempts.findAttempts(noticeId);
    }
}
