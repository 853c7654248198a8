package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.MarkTypical;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.Reason;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.RecordCommitment;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.RecordVisit;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.SendChecklistReminder;
import cn.chongchuan.safetycredit.platform.web.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The "一案五制" follow-up of a case: the case page and its steps under
 * {@code /api/v1/violations/{id}/follow-up} (the lists and the repeat report are in
 * {@link FollowUpListController}). ENFORCEMENT acts on its own department's cases, ADMIN on all.
 */
@RestController
@Validated
class FollowUpController {

    private final FollowUpService followUps;
    private final CaseStepService steps;
    private final TypicalCaseService typicalCases;

    FollowUpController(FollowUpService followUps, CaseStepService steps, TypicalCaseService typicalCases) {
        this.followUps = followUps;
        this.steps = steps;
        this.typicalCases = typicalCases;
    }

    @GetMapping("/api/v1/violations/{id}/follow-up")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    FollowUpView casePage(@PathVariable long id, Caller caller) {
        return followUps.casePage(id, caller);
    }

    @PostMapping("/api/v1/violations/{id}/follow-up/checklist-reminders")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    FollowUpView sendChecklistReminder(@PathVariable long id, @Valid @RequestBody SendChecklistReminder request,
            Caller caller) {
        return steps.sendChecklistReminder(id, request, caller);
    }

    @PostMapping("/api/v1/violations/{id}/follow-up/commitment")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    FollowUpView recordCommitment(@PathVariable long id, @Valid @RequestBody RecordCommitment request, Caller caller) {
        return steps.recordCommitment(id, request, caller);
    }

    @PostMapping("/api/v1/violations/{id}/follow-up/visits/{n}")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    FollowUpView recordVisit(@PathVariable long id, @PathVariable @Min(1) @Max(100) int n,
            @Valid @RequestBody RecordVisit request, Caller caller) {
        return steps.recordVisit(id, n, request, caller);
    }

    @PostMapping("/api/v1/violations/{id}/follow-up/typical")
    @PreAuthorize("hasRole('ADMIN')")
    FollowUpView markTypical(@PathVariable long id, @Valid @RequestBody MarkTypical request, Caller caller) {
        return typicalCases.markTypical(id, request, caller);
    }

    @PostMapping("/api/v1/violations/{id}/follow-up/typical/removal")
    @PreAuthorize("hasRole('ADMIN')")
    FollowUpView unmarkTypical(@PathVariable long id, @Valid @RequestBody Reason request, Caller caller) {
        return typicalCases.unmarkTypical(id, request.reason(), caller);
    }
}
