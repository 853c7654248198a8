package cn.chongchuan.safetycredit.sanction.department;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether notices are pushed to a department's endpoint, and how it has been answering. Apart from
 * {@link Department#enabled()}: a department whose endpoint is disabled still gets notices; they
 * wait (readable by the department) until ADMIN enables the endpoint again.
 *
 * @param disabledReason why it is disabled (null while enabled)
 * @param disabledAt     since when it is disabled (null while enabled)
 * @param failingSince   the first failed round since the last delivery (null while it delivers)
 * @param lastFailureAt  the last failed round
 * @param lastSuccessAt  the last delivery (written at most once a minute while it keeps delivering)
 */
public record EndpointState(String department, boolean enabled, EndpointDisabledReason disabledReason,
        Instant disabledAt, Instant failingSince, Instant lastFailureAt, Instant lastSuccessAt) {

    /** The state of an endpoint nothing has been recorded for: enabled, never failed. */
    public static EndpointState fresh(String department) {
        return new EndpointState(department, true, null, null, null, null, null);
    }

    /**
     * Whether a delivery at {@code at} is worth writing down: it stops a running failure clock, or
     * the last success on record is older than {@code interval} (while an endpoint keeps
     * delivering, its row is not written at every notice).
     */
    public boolean deliveryWorthRecording(Instant at, Duration interval) {
        return failingSince != null || lastSuccessAt == null || !lastSuccessAt.plus(interval).isAfter(at);
    }

    /** Whether every round since {@link #failingSince()} failed and that began at least {@code limit} before {@code now}. */
    public boolean failingFor(Duration limit, Instant now) {
        return failingSince != null && !failingSince.plus(limit).isAfter(now);
    }
}
