package cn.chongchuan.safetycredit.credit.violation;

import cn.chongchuan.safetycredit.credit.catalogue.CatalogueService;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.credit.violation.ViolationRequests.SuggestCriteria;
import cn.chongchuan.safetycredit.credit.violation.domain.Assessment;
import cn.chongchuan.safetycredit.platform.web.Caller;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * Facts decide the criterion: the criteria that the facts of a penalty decision meet, may meet on a
 * finding of the decision, are still counting towards, or rule out — for the officer to confirm by
 * choosing one when recording. It lives with violations because it counts the unit's recorded
 * accidents.
 */
@RestController
class CriterionSuggestionController {

    private final ViolationService violations;
    private final CatalogueService catalogue;

    CriterionSuggestionController(ViolationService violations, CatalogueService catalogue) {
        this.violations = violations;
        this.catalogue = catalogue;
    }

    /**
     * One criterion as the facts stand to it; {@code decidingDepartment} is where a listing under it
     * would go if the caller recorded the violation (null if the caller may not apply it). For a
     * count, only how many accidents count: their dates may be other departments' cases still being
     * decided, which the asking department does not see.
     */
    record Suggestion(String criterionCode, String title, String legalBasis, String outcome, String reason,
                      List<String> fields, String problem, int countedAccidents, String decidingDepartment) {
    }

    @PostMapping("/api/v1/criteria/suggestions")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    List<Suggestion> suggestCriteria(@Valid @RequestBody SuggestCriteria request, Caller caller) {
        List<Assessment> assessments = violations.suggestCriteria(request.facts(), request.decisionDate(), request.uscc());
        return assessments.stream().map(a -> {
            Criterion criterion = catalogue.criterion(a.criterionCode()).orElseThrow();
            String deciding = criterion.route(caller.department(), null) instanceof Criterion.Routing.To(String department)
                    ? department : null;
            return new Suggestion(a.criterionCode(), criterion.title(), criterion.legalBasis(), a.outcome().name(),
                    a.reason(), a.fields(), a.problem(), a.countedAccidents().size(), deciding);
        }).toList();
    }
}
