package cn.chongchuan.safetycredit.sanction.department;

import cn.chongchuan.safetycredit.sanction.department.internal.EndpointStateMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The state of the departments' endpoints: disabled when gone or failing for too long, enabled
 * again by ADMIN; every change is an {@link EndpointEvent} written in the same transaction, and a
 * WARN in the log (without the URL). Callers pass the transaction of the notice change the state
 * change belongs to (the methods join it).
 */
@Service
public class DepartmentEndpoints {

    private static final Logger log = LoggerFactory.getLogger(DepartmentEndpoints.class);
    /** While an endpoint keeps delivering, its last success is written at most this often (one row, hot). */
    static final Duration SUCCESS_WRITE_INTERVAL = Duration.ofMinutes(1);

    private final EndpointStateMapper states;

    DepartmentEndpoints(EndpointStateMapper states) {
        this.states = states;
    }

    /** The endpoint's state (enabled and never failed when nothing was recorded). */
    public EndpointState state(String department) {
        return states.findState(department).orElseGet(() -> EndpointState.fresh(department));
    }

    /** Every recorded state, by department code (departments not in it are enabled and never failed). */
    public Map<String, EndpointState> states() {
        return states.findStates().stream().collect(Collectors.toMap(EndpointState::department, Function.identity()));
    }

    /** The endpoint took a notice: its failure clock stops. */
    @Transactional
    public void recordDelivery(String department, Instant at) {
        states.recordSuccess(department, at);
    }

    /** Whether a delivery at {@code at} needs {@link #recordDelivery}, judged from the state read before the round. */
    public boolean deliveryWorthRecording(EndpointState before, Instant at) {
        return before == null || before.deliveryWorthRecording(at, SUCCESS_WRITE_INTERVAL);
    }

    /**
     * A round failed at the endpoint: starts its failure clock unless it runs, and disables the
     * endpoint (reason FAILING) once the clock has run for {@code disableAfter}. Returns the event
     * when this failure disabled it.
     */
    @Transactional
    public Optional<EndpointEvent> recordFailedRound(String department, Instant at, Duration disableAfter,
            String actor, String lastReason) {
        states.recordFailure(department, at);
        EndpointState now = state(department);
        if (now.enabled() && now.failingFor(disableAfter, at)) {
            return disable(department, EndpointDisabledReason.FAILING, at, null,
                    "every round failed since " + now.failingSince() + " (last: " + lastReason + ")", actor);
        }
        return Optional.empty();
    }

    /** Disables the endpoint; returns the event, or empty when it was disabled already. */
    @Transactional
    public Optional<EndpointEvent> disable(String department, EndpointDisabledReason reason, Instant at,
            Integer httpStatus, String detail, String actor) {
        states.lockOrCreate(department, at);
        if (states.disable(department, reason, at) == 0) {
            return Optional.empty();
        }
        EndpointEvent event = new EndpointEvent(0, department, EndpointEvent.Kind.DISABLED, reason, httpStatus,
                truncate(detail), actor, at);
        states.insertEvent(event);
        log.warn("department {}: endpoint disabled ({}): {}; its notices wait until ADMIN enables it", department,
                reason, detail);
        return Optional.of(event);
    }

    /** Enables the endpoint and resets its failure clock; returns the event, or empty when it was enabled. */
    @Transactional
    public Optional<EndpointEvent> enable(String department, Instant at, String actor) {
        states.lockOrCreate(department, at);
        if (states.enable(department, at) == 0) {
            return Optional.empty();
        }
        EndpointEvent event = new EndpointEvent(0, department, EndpointEvent.Kind.ENABLED, null, null,
                "enabled again", actor, at);
        states.insertEvent(event);
        log.info("department {}: endpoint enabled again by {}", department, actor);
        return Optional.of(event);
    }

    /** The department's endpoint events, newest first. */
    public List<EndpointEvent> events(String department, int limit) {
        return states.findEvents(department, limit);
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= 500 ? detail : detail.substring(0, 500);
    }
}
