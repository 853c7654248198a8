package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.catalogue.CatalogueService;
import cn.chongchuan.safetycredit.credit.catalogue.domain.ChecklistItem;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.CommitmentLetter;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.PlanRow;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.TypicalMark;
import cn.chongchuan.safetycredit.credit.followup.domain.KeySupervision;
import cn.chongchuan.safetycredit.credit.followup.domain.Visit;
import cn.chongchuan.safetycredit.credit.violation.ViolationView;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the case page ({@link FollowUpView}) as of today: the answer to reading a case and to
 * every step taken on it, so that a step's caller sees the page the step left behind.
 */
@Component
class CasePages {

    private final FollowUpMapper mapper;
    private final CasePlans plans;
    private final FollowUpHistory history;
    private final RepeatService repeats;
    private final CatalogueService catalogue;
    private final FollowUpClock clock;

    CasePages(FollowUpMapper mapper, CasePlans plans, FollowUpHistory history, RepeatService repeats,
            CatalogueService catalogue, FollowUpClock clock) {
        this.mapper = mapper;
        this.plans = plans;
        this.history = history;
        this.repeats = repeats;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The page of a case the caller may already see ({@code violation} comes from the access-checked read). */
    FollowUpView of(ViolationView violation) {
        PlanRow plan = plans.find(violation.id());
        LocalDate today = clock.today();
        KeySupervision supervision = plan.supervision();
        TypicalMark typical = plan.typical();
        return new FollowUpView(plan.violationId(), violation.caseNumber(), violation.department(),
                catalogue.departmentName(violation.department()),
                new FollowUpView.Unit(violation.unit().uscc(), violation.unit().name(), plan.areaCode()),
                new FollowUpView.Criterion(violation.criterion().code(), violation.criterion().title()),
                plan.caseDate(), reminders(plan.violationId()), commitment(plan.commitment()), visits(plan.violationId(), today),
                new FollowUpView.Typical(typical.marked(), typical.warning(), typical.since()),
                new FollowUpView.KeySupervision(supervision.from(), supervision.until(), supervision.isActiveOn(today)),
                repeats.repeatOf(plan, currentDecisionDate(violation)),
                history.of(plan.violationId()).stream().map(e -> new FollowUpView.Event(e.kind(), e.actorDepartment(),
                        e.actorRole(), e.occurredAt(), e.detail())).toList());
    }

    /** The decision date of the case as corrected last: what repeat detection and a new plan go by. */
    static LocalDate currentDecisionDate(ViolationView violation) {
        return violation.versions().stream().filter(v -> v.version() == violation.currentVersion()).findFirst()
                .orElseThrow().decisionDate();
    }

    private List<FollowUpView.Reminder> reminders(long violationId) {
        // Retired checklist items keep their titles on the reminders that named them.
        Map<String, ChecklistItem> items = catalogue.checklist().stream()
                .collect(Collectors.toMap(ChecklistItem::code, Function.identity()));
        return mapper.findReminders(violationId).stream()
                .map(r -> new FollowUpView.Reminder(r.id(), r.sentOn(), r.channel(),
                        Arrays.stream(r.items().split(",")).map(code -> new FollowUpView.ChecklistEntry(code,
                                items.containsKey(code) ? items.get(code).title() : null)).toList(),
                        r.note(), r.recordedBy(), r.recordedAt()))
                .toList();
    }

    private static FollowUpView.Commitment commitment(CommitmentLetter letter) {
        return letter == null ? null : new FollowUpView.Commitment(letter.signedOn(), letter.text(), letter.documentRef(),
                letter.recordedBy(), letter.recordedAt());
    }

    private List<FollowUpView.Visit> visits(long violationId, LocalDate today) {
        return mapper.findVisits(violationId).stream()
                .map(v -> {
                    Visit visit = new Visit(v.n(), v.dueOn(), v.visitedOn(), v.outcome());
                    return new FollowUpView.Visit(v.n(), v.dueOn(), v.visitedOn(), v.outcome(), v.note(),
                            v.recordedBy(), v.recordedAt(), visit.isOverdueOn(today), visit.daysOverdueOn(today));
                })
                .toList();
    }
}
