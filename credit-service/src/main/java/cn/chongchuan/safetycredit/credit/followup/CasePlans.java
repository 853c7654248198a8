package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.PlanRow;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import org.springframework.stereotype.Component;

/** The follow-up plan of a case for the services that act on it: a case without a plan answers 404. */
@Component
class CasePlans {

    private final FollowUpMapper mapper;

    CasePlans(FollowUpMapper mapper) {
        this.mapper = mapper;
    }

    PlanRow find(long violationId) {
        return mapper.findPlan(violationId).orElseThrow(() -> notFound(violationId));
    }

    /** Locks the plan for the rest of the transaction, so that the steps of one case are taken one at a time. */
    PlanRow lock(long violationId) {
        return mapper.lockPlan(violationId).orElseThrow(() -> notFound(violationId));
    }

    private static ApiException notFound(long violationId) {
        return ApiException.notFound("follow-up plan of violation " + violationId);
    }
}
