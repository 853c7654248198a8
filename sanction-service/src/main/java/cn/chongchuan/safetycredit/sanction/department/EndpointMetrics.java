package cn.chongchuan.safetycredit.sanction.department;

import cn.chongchuan.safetycredit.sanction.department.internal.EndpointStateMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the operators alert on about the departments' endpoints: {@code sanction.endpoints.disabled}
 * by reason (GONE, FAILING, ADMIN; every reason registered at start, at 0), and
 * {@code sanction.endpoints.failing}, enabled endpoints whose every round has failed since some
 * time. Read from the database every {@code sanction.metrics.refresh-interval}, never on a scrape;
 * the same on every instance (alert on the max).
 */
@Component
class EndpointMetrics {

    private final EndpointStateMapper states;
    private final Map<EndpointDisabledReason, AtomicLong> disabled = new EnumMap<>(EndpointDisabledReason.class);
    private final AtomicLong failing = new AtomicLong();

    EndpointMetrics(EndpointStateMapper states, MeterRegistry registry) {
        this.states = states;
        for (EndpointDisabledReason reason : EndpointDisabledReason.values()) {
            AtomicLong value = new AtomicLong();
            disabled.put(reason, value);
            Gauge.builder("sanction.endpoints.disabled", value, AtomicLong::get).tag("reason", reason.name())
                    .description("department endpoints notices are no longer pushed to, by why")
                    .register(registry);
        }
        Gauge.builder("sanction.endpoints.failing", failing, AtomicLong::get)
                .description("enabled department endpoints whose every round has failed since their last delivery")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${sanction.metrics.refresh-interval:PT15S}")
    void refresh() {
        Map<EndpointDisabledReason, Long> counted = new EnumMap<>(EndpointDisabledReason.class);
        states.countDisabledByReason().forEach(c -> counted.put(c.reason(), c.endpoints()));
        disabled.forEach((reason, value) -> value.set(counted.getOrDefault(reason, 0L)));
        failing.set(states.countFailing());
    }
}
