package cn.chongchuan.safetycredit.sanction.notice;

import cn.chongchuan.safetycredit.sanction.notice.internal.NoticeMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the operators alert on in joint-sanction delivery: notices per department and delivery
 * status ({@code status="DEAD"} above 0 means a department never received one), and notices whose
 * feedback is overdue. Read from the database every {@code sanction.metrics.refresh-interval} (one
 * index-only group-by and one count), never on a scrape; every instance reports the same
 * database-wide figures (alert on their max).
 */
@Component
class NoticeMetrics {

    private final NoticeMapper notices;
    private final FeedbackProperties feedback;
    private final Clock clock;
    private final MeterRegistry registry;
    /** One gauge per department and status seen; one that no longer occurs reads 0 (series stay stable). */
    private final Map<Tags, AtomicLong> byDepartmentAndStatus = new ConcurrentHashMap<>();
    private final AtomicLong overdueFeedback = new AtomicLong();

    NoticeMetrics(NoticeMapper notices, FeedbackProperties feedback, MeterRegistry registry, Clock clock) {
        this.notices = notices;
        this.feedback = feedback;
        this.clock = clock;
        this.registry = registry;
        Gauge.builder("sanction.notices.feedback.overdue", overdueFeedback, AtomicLong::get)
                .description("notices delivered or pulled whose department has not reported back by the due day")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${sanction.metrics.refresh-interval:PT15S}")
    void refresh() {
        Map<Tags, Long> counted = new HashMap<>();
        for (NoticeMapper.StatusCount row : notices.countByDepartmentAndStatus()) {
            counted.put(Tags.of("department", row.department(), "status", row.status()), row.count());
        }
        counted.keySet().forEach(tags -> byDepartmentAndStatus.computeIfAbsent(tags, this::gauge));
        byDepartmentAndStatus.forEach((tags, value) -> value.set(counted.getOrDefault(tags, 0L)));
        overdueFeedback.set(notices.countOverdue(LocalDate.ofInstant(clock.instant(), feedback.zone())));
    }

    private AtomicLong gauge(Tags tags) {
        AtomicLong value = new AtomicLong();
        Gauge.builder("sanction.notices", value, AtomicLong::get).tags(tags)
                .description("joint-sanction notices by receiving department and delivery status")
                .strongReference(true).register(registry);
        return value;
    }
}
