package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.catalogue.CatalogueService;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.credit.followup.FollowUpLists.TypicalCase;
import cn.chongchuan.safetycredit.credit.followup.FollowUpLists.TypicalPerson;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.CasePersonRow;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.PlanRow;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.TypicalCaseRow;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.MarkTypical;
import cn.chongchuan.safetycredit.credit.followup.domain.FollowUpEventKind;
import cn.chongchuan.safetycredit.credit.followup.domain.NameMask;
import cn.chongchuan.safetycredit.credit.listing.Actor;
import cn.chongchuan.safetycredit.credit.violation.ViolationService;
import cn.chongchuan.safetycredit.credit.violation.ViolationView;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.web.Caller;
import cn.chongchuan.safetycredit.platform.web.Page;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 典型案件警示: the credit office marks and unmarks typical cases, and anyone reads them on the
 * public warning list, persons masked and without the internal case description.
 */
@Service
class TypicalCaseService {

    private final FollowUpMapper mapper;
    private final ViolationService violations;
    private final CasePlans plans;
    private final CasePages pages;
    private final FollowUpHistory history;
    private final CatalogueService catalogue;
    private final FollowUpClock clock;

    TypicalCaseService(FollowUpMapper mapper, ViolationService violations, CasePlans plans, CasePages pages,
            FollowUpHistory history, CatalogueService catalogue, FollowUpClock clock) {
        this.mapper = mapper;
        this.violations = violations;
        this.plans = plans;
        this.pages = pages;
        this.history = history;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The credit office marks a case as typical: it appears on the public warning list. */
    @Transactional
    public FollowUpView markTypical(long violationId, MarkTypical request, Caller caller) {
        ViolationView violation = violations.view(violationId, caller);
        plans.lock(violationId);
        mapper.setTypical(violationId, true, request.warning().strip(), clock.now());
        history.append(violationId, FollowUpEventKind.MARKED_TYPICAL, Actor.of(caller, "ADMIN"), request.warning().strip());
        return pages.of(violation);
    }

    /** The credit office takes a case off the public warning list. */
    @Transactional
    public FollowUpView unmarkTypical(long violationId, String reason, Caller caller) {
        ViolationView violation = violations.view(violationId, caller);
        PlanRow plan = plans.lock(violationId);
        if (!plan.typical().marked()) {
            throw new ApiException(HttpStatus.CONFLICT, "not-typical", "Not a typical case",
                    "case " + violation.caseNumber() + " is not marked as typical");
        }
        mapper.setTypical(violationId, false, null, null);
        history.append(violationId, FollowUpEventKind.UNMARKED_TYPICAL, Actor.of(caller, "ADMIN"), reason.strip());
        return pages.of(violation);
    }

    /**
     * The public warning list: typical cases, newest first, persons masked. A page costs the same
     * few statements whatever its size (the cases, their persons, the criteria's titles, the count):
     * it is open to anyone, so its cost must not grow with what a caller asks for.
     */
    public Page<TypicalCase> typicalCases(int page, int size) {
        List<TypicalCaseRow> rows = mapper.findTypicalCases(size, page * size);
        Map<Long, List<TypicalPerson>> persons = rows.isEmpty() ? Map.of()
                : mapper.findPersonsOfCases(rows.stream().map(TypicalCaseRow::violationId).toList()).stream()
                        .collect(Collectors.groupingBy(CasePersonRow::violationId, Collectors.mapping(
                                p -> new TypicalPerson(NameMask.mask(p.name()), p.maskedIdNumber(), p.responsibility()),
                                Collectors.toList())));
        Map<String, String> titles = catalogue.criteria().stream().collect(Collectors.toMap(Criterion::code, Criterion::title));
        List<TypicalCase> items = rows.stream()
                .map(r -> new TypicalCase(r.violationId(), r.unitName(), r.uscc(), titles.get(r.criterionCode()),
                        catalogue.departmentName(r.departmentCode()), r.decisionDate(), r.decisionNumber(), r.warning(),
                        persons.getOrDefault(r.violationId(), List.of())))
                .toList();
        return Page.counted(items, mapper.countTypical(), page, size);
    }
}
