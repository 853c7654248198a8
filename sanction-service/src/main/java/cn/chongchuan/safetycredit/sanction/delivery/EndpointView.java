package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.sanction.department.Department;
import cn.chongchuan.safetycredit.sanction.department.EndpointDisabledReason;
import cn.chongchuan.safetycredit.sanction.department.EndpointState;

import java.time.Instant;

/**
 * Whether notices are pushed to a department's endpoint, as ADMIN and the department itself see it
 * (never the URL's secrets: the URL is not in it at all).
 *
 * @param pushes         whether the department has an endpoint (else it reads its notices itself)
 * @param enabled        whether notices are pushed to it (false: they wait until ADMIN enables it)
 * @param disabledReason GONE (it answered 410), FAILING (every round failed for too long) or ADMIN
 * @param requeued       on enabling: how many waiting notices became due at once; else null
 */
public record EndpointView(String department, boolean pushes, boolean enabled, EndpointDisabledReason disabledReason,
        Instant disabledAt, Instant failingSince, Instant lastFailureAt, Instant lastSuccessAt, Integer requeued) {

    static EndpointView of(Department department, EndpointState state, Integer requeued) {
        return new EndpointView(department.code(), department.pushes(), state.enabled(), state.disabledReason(),
                state.disabledAt(), state.failingSince(), state.lastFailureAt(), state.lastSuccessAt(), requeued);
    }
}
