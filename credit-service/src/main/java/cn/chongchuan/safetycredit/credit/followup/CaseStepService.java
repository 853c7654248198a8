package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.catalogue.CatalogueService;
import cn.chongchuan.safetycredit.credit.catalogue.domain.ChecklistItem;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.CommitmentLetter;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.PlanRow;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.ReminderRow;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.VisitRow;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.RecordCommitment;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.RecordVisit;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.SendChecklistReminder;
import cn.chongchuan.safetycredit.credit.followup.domain.CaseDates;
import cn.chongchuan.safetycredit.credit.followup.domain.FollowUpEventKind;
import cn.chongchuan.safetycredit.credit.listing.Actor;
import cn.chongchuan.safetycredit.credit.violation.ViolationService;
import cn.chongchuan.safetycredit.credit.violation.ViolationView;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.problem.FieldError;
import cn.chongchuan.safetycredit.platform.web.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.blankToNull;

/**
 * The steps the case's department records on a plan: the obligations checklist sent to the unit
 * (清单提醒), the unit's commitment letter (被处罚企业承诺) and the return visits (定期回访). Each step
 * locks the plan, is dated between the case's decision and today, goes into the history, and
 * answers the case page as it left it.
 */
@Service
class CaseStepService {

    private final FollowUpMapper mapper;
    private final ViolationService violations;
    private final CasePlans plans;
    private final CasePages pages;
    private final FollowUpHistory history;
    private final CatalogueService catalogue;
    private final FollowUpClock clock;

    CaseStepService(FollowUpMapper mapper, ViolationService violations, CasePlans plans, CasePages pages,
            FollowUpHistory history, CatalogueService catalogue, FollowUpClock clock) {
        this.mapper = mapper;
        this.violations = violations;
        this.plans = plans;
        this.pages = pages;
        this.history = history;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The obligations checklist, enabled items only. */
    public List<ChecklistItem> checklistItems() {
        return catalogue.checklist().stream().filter(ChecklistItem::enabled).toList();
    }

    @Transactional
    public FollowUpView sendChecklistReminder(long violationId, SendChecklistReminder request, Caller caller) {
        ViolationView violation = violations.view(violationId, caller);
        PlanRow plan = plans.lock(violationId);
        requireCaseDate(request.sentOn(), plan, "sentOn");
        Map<String, ChecklistItem> known = catalogue.checklist().stream()
                .collect(Collectors.toMap(ChecklistItem::code, Function.identity()));
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            String code = request.items().get(i).strip();
            ChecklistItem item = known.get(code);
            if (item == null || !item.enabled()) {
                throw ApiException.badField("items[" + i + "]", "is not an item of the obligations checklist: " + code);
            }
            if (codes.contains(code)) {
                throw ApiException.badField("items[" + i + "]", "names " + code + " twice");
            }
            codes.add(code);
        }
        mapper.insertReminder(new ReminderRow(null, violationId, request.sentOn(), request.channel(),
                String.join(",", codes), blankToNull(request.note()), caller.department(), clock.now()));
        history.append(violationId, FollowUpEventKind.CHECKLIST_SENT, Actor.of(caller),
                request.sentOn() + " " + request.channel() + "：" + String.join(",", codes));
        return pages.of(violation);
    }

    /** The unit's commitment letter; once per case, and only from the unit the case is about. */
    @Transactional
    public FollowUpView recordCommitment(long violationId, RecordCommitment request, Caller caller) {
        ViolationView violation = violations.view(violationId, caller);
        PlanRow plan = plans.lock(violationId);
        String uscc = request.uscc().strip().toUpperCase(Locale.ROOT);
        if (!uscc.equals(violation.unit().uscc())) {
            throw ApiException.badField("uscc", "is not the unit of case " + violation.caseNumber()
                    + ": a commitment is recorded for the penalised unit's own case only");
        }
        requireCaseDate(request.signedOn(), plan, "signedOn");
        String text = blankToNull(request.text());
        String document = blankToNull(request.documentRef());
        if (text == null && document == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    "a commitment needs its text or a reference to the signed document")
                    .with("errors", List.of(new FieldError("text", "or documentRef must be given")));
        }
        CommitmentLetter recorded = plan.commitment();
        if (recorded != null
                || mapper.recordCommitment(violationId, request.signedOn(), text, document, caller.department(), clock.now()) == 0) {
            throw new ApiException(HttpStatus.CONFLICT, "commitment-recorded", "Commitment already recorded",
                    "the commitment of case " + violation.caseNumber() + " was recorded on "
                            + (recorded == null ? null : recorded.signedOn()));
        }
        history.append(violationId, FollowUpEventKind.COMMITMENT_RECORDED, Actor.of(caller),
                "承诺书 " + request.signedOn() + (document == null ? "" : "（" + document + "）"));
        return pages.of(violation);
    }

    /** A return visit as it took place; each scheduled visit is recorded once. */
    @Transactional
    public FollowUpView recordVisit(long violationId, int n, RecordVisit request, Caller caller) {
        ViolationView violation = violations.view(violationId, caller);
        PlanRow plan = plans.lock(violationId);
        VisitRow visit = mapper.findVisits(violationId).stream().filter(v -> v.n() == n).findFirst()
                .orElseThrow(() -> ApiException.notFound("visit " + n + " of case " + violationId));
        requireCaseDate(request.visitedOn(), plan, "visitedOn");
        if (visit.visitedOn() != null || mapper.recordVisit(violationId, n, request.visitedOn(),
                request.outcome(), blankToNull(request.note()), caller.department(), clock.now()) == 0) {
            throw new ApiException(HttpStatus.CONFLICT, "visit-recorded", "Visit already recorded",
                    "visit " + n + " of case " + violation.caseNumber() + " was recorded on " + visit.visitedOn());
        }
        String note = blankToNull(request.note());
        history.append(violationId, FollowUpEventKind.VISIT_RECORDED, Actor.of(caller), "第" + n + "次回访 "
                + request.visitedOn() + "：" + request.outcome() + (note == null ? "" : "；" + note));
        return pages.of(violation);
    }

    private void requireCaseDate(LocalDate date, PlanRow plan, String field) {
        CaseDates.problemWith(date, plan.caseDate(), clock.today()).ifPresent(problem -> {
            throw ApiException.badField(field, problem);
        });
    }
}
