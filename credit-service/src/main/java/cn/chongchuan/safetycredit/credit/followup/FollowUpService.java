package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.NewPlan;
import cn.chongchuan.safetycredit.credit.followup.domain.FollowUpEventKind;
import cn.chongchuan.safetycredit.credit.followup.domain.FollowUpSchedule;
import cn.chongchuan.safetycredit.credit.followup.domain.KeySupervision;
import cn.chongchuan.safetycredit.credit.followup.domain.Visit;
import cn.chongchuan.safetycredit.credit.listing.Actor;
import cn.chongchuan.safetycredit.credit.subject.SubjectService;
import cn.chongchuan.safetycredit.credit.subject.Unit;
import cn.chongchuan.safetycredit.credit.violation.ViolationRecorded;
import cn.chongchuan.safetycredit.credit.violation.ViolationService;
import cn.chongchuan.safetycredit.credit.violation.ViolationView;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.web.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The "一案五制" follow-up plan of each case (DESIGN §1, task 47): opened when a violation is
 * recorded (return visits scheduled, key supervision started), read as the case page, and asked by
 * credit repair whether the unit's commitment is on record. The steps taken on a plan, its lists,
 * typical cases and the repeat report are services of their own in this package.
 */
@Service
public class FollowUpService {

    private final FollowUpMapper mapper;
    private final ViolationService violations;
    private final SubjectService subjects;
    private final CasePages pages;
    private final FollowUpHistory history;
    private final FollowUpProperties properties;
    private final ApplicationEventPublisher events;
    private final FollowUpClock clock;

    FollowUpService(FollowUpMapper mapper, ViolationService violations, SubjectService subjects, CasePages pages,
            FollowUpHistory history, FollowUpProperties properties, ApplicationEventPublisher events,
            FollowUpClock clock) {
        this.mapper = mapper;
        this.violations = violations;
        this.subjects = subjects;
        this.pages = pages;
        this.history = history;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Runs in the recording transaction: a case without its plan is never committed. */
    @EventListener
    void onViolationRecorded(ViolationRecorded recorded) {
        openPlan(recorded.violationId(), new Actor(recorded.department(), "ENFORCEMENT"));
    }

    /** The case page: the ENFORCEMENT department of the case or the credit office. */
    public FollowUpView casePage(long violationId, Caller caller) {
        return pages.of(violations.view(violationId, caller));
    }

    /** Whether the penalised unit's commitment is on record (a condition of credit repair). */
    public boolean hasCommitment(long violationId) {
        return mapper.findPlan(violationId).map(p -> p.commitment() != null).orElse(false);
    }

    /** Opens the plan of a case (once): the visits at their offsets, key supervision from the decision. */
    private void openPlan(long violationId, Actor actor) {
        if (mapper.findPlan(violationId).isPresent()) {
            return;
        }
        ViolationView violation = violations.find(violationId).orElseThrow(() -> ApiException.notFound("violation " + violationId));
        Unit unit = subjects.unit(violation.unit().uscc()).orElseThrow();
        LocalDate caseDate = CasePages.currentDecisionDate(violation);
        FollowUpSchedule schedule = properties.schedule();
        KeySupervision supervision = schedule.keySupervisionFor(caseDate);
        mapper.insertPlan(new NewPlan(violationId, violation.department(), unit.key(), unit.areaCode(),
                violation.criterion().code(), caseDate, supervision, clock.now()));
        List<Visit> visits = schedule.visitsFor(caseDate);
        visits.forEach(v -> mapper.insertVisit(violationId, violation.department(), v));
        history.append(violationId, FollowUpEventKind.PLAN_OPENED, actor, "回访 " + visits.stream()
                .map(v -> v.dueOn().toString()).collect(Collectors.joining("、"))
                + "；重点监管 " + supervision.from() + " 至 " + supervision.until());
        events.publishEvent(new KeySupervisionChanged(unit.key()));
    }
}
