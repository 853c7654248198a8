package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.catalogue.CatalogueService;
import cn.chongchuan.safetycredit.credit.catalogue.domain.ChecklistItem;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.credit.followup.FollowUpLists.OverdueVisit;
import cn.chongchuan.safetycredit.credit.followup.FollowUpLists.Supervised;
import cn.chongchuan.safetycredit.credit.followup.FollowUpLists.TypicalCase;
import cn.chongchuan.safetycredit.credit.followup.FollowUpLists.TypicalPage;
import cn.chongchuan.safetycredit.credit.followup.FollowUpLists.TypicalPerson;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.EventRow;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.OccurrenceRow;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.PlanRow;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.ReminderRow;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.VisitRow;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.MarkTypical;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.RecordCommitment;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.RecordVisit;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.SendChecklistReminder;
import cn.chongchuan.safetycredit.credit.followup.domain.CaseDates;
import cn.chongchuan.safetycredit.credit.followup.domain.FollowUpSchedule;
import cn.chongchuan.safetycredit.credit.followup.domain.KeySupervision;
import cn.chongchuan.safetycredit.credit.followup.domain.NameMask;
import cn.chongchuan.safetycredit.credit.followup.domain.RepeatDetection;
import cn.chongchuan.safetycredit.credit.followup.domain.RepeatDetection.Occurrence;
import cn.chongchuan.safetycredit.credit.followup.domain.Visit;
import cn.chongchuan.safetycredit.credit.followup.domain.VisitOutcome;
import cn.chongchuan.safetycredit.credit.listing.Actor;
import cn.chongchuan.safetycredit.credit.listing.ListingProperties;
import cn.chongchuan.safetycredit.credit.subject.SubjectService;
import cn.chongchuan.safetycredit.credit.subject.Unit;
import cn.chongchuan.safetycredit.credit.violation.ViolationRecorded;
import cn.chongchuan.safetycredit.credit.violation.ViolationService;
import cn.chongchuan.safetycredit.credit.violation.ViolationView;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.problem.FieldError;
import cn.chongchuan.safetycredit.platform.web.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The "一案五制" follow-up of each case (DESIGN §1, task 47): opens the plan when a violation is
 * recorded (return visits scheduled, key supervision started), records checklist reminders, the
 * commitment letter and the visits, lets the credit office mark typical cases, lists overdue
 * visits and supervised units, and reports repeat violations by area. Every step is an event in
 * the case's follow-up history.
 */
@Service
public class FollowUpService {

    private final FollowUpMapper mapper;
    private final ViolationService violations;
    private final SubjectService subjects;
    private final CatalogueService catalogue;
    private final FollowUpProperties properties;
    private final ListingProperties listing;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FollowUpService(FollowUpMapper mapper, ViolationService violations, SubjectService subjects,
            CatalogueService catalogue, FollowUpProperties properties, ListingProperties listing,
            ApplicationEventPublisher events, Clock clock) {
        this.mapper = mapper;
        this.violations = violations;
        this.subjects = subjects;
        this.catalogue = catalogue;
        this.properties = properties;
        this.listing = listing;
        this.events = events;
        this.clock = clock;
    }

    /** Today in the district's zone. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(listing.zone()));
    }

    /** Runs in the recording transaction: a case without its plan is never committed. */
    @EventListener
    void onViolationRecorded(ViolationRecorded recorded) {
        openPlan(recorded.violationId(), new Actor(recorded.department(), "ENFORCEMENT"));
    }

    /** Opens the plan of a case (once): the visits at their offsets, key supervision from the decision. */
    @Transactional
    public void openPlan(long violationId, Actor actor) {
        if (mapper.findPlan(violationId).isPresent()) {
            return;
        }
        ViolationView violation = violations.find(violationId).orElseThrow(() -> ApiException.notFound("violation " + violationId));
        Unit unit = subjects.unit(violation.unit().uscc()).orElseThrow();
        LocalDate caseDate = decisionDate(violation);
        FollowUpSchedule schedule = properties.schedule();
        KeySupervision supervision = schedule.keySupervisionFor(caseDate);
        mapper.insertPlan(new PlanRow(violationId, violation.department(), unit.key(), unit.areaCode(),
                violation.criterion().code(), caseDate, supervision.from(), supervision.until(), false, null, null,
                null, null, null, null, null, clock.instant()));
        List<Visit> visits = schedule.visitsFor(caseDate);
        visits.forEach(v -> mapper.insertVisit(new VisitRow(violationId, v.n(), violation.department(), v.dueOn(),
                null, null, null, null, null)));
        appendEvent(violationId, "PLAN_OPENED", actor, "回访 " + visits.stream().map(v -> v.dueOn().toString())
                .collect(Collectors.joining("、")) + "；重点监管 " + supervision.from() + " 至 " + supervision.until());
        events.publishEvent(new KeySupervisionChanged(unit.key()));
    }

    /** Opens the plans of violations recorded before follow-up existed, a batch at a time; how many it opened. */
    @Transactional
    public int openMissingPlans(int batchSize) {
        List<Long> missing = mapper.findViolationsWithoutPlan(batchSize);
        missing.forEach(id -> openPlan(id, Actor.SYSTEM));
        return missing.size();
    }

    /** The case page: the ENFORCEMENT department of the case or the credit office. */
    public FollowUpView casePage(long violationId, Caller caller) {
        ViolationView violation = violations.view(violationId, caller);
        PlanRow plan = plan(violationId);
        return toView(violation, plan);
    }

    @Transactional
    public FollowUpView sendChecklistReminder(long violationId, SendChecklistReminder request, Caller caller) {
        ViolationView violation = violations.view(violationId, caller);
        PlanRow plan = lockPlan(violationId);
        requireCaseDate(request.sentOn(), plan, "sentOn");
        Map<String, ChecklistItem> known = checklist();
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
        mapper.insertReminder(new ReminderRow(null, violationId, request.sentOn(), request.channel().name(),
                String.join(",", codes), blankToNull(request.note()), caller.department(), clock.instant()));
        appendEvent(violationId, "CHECKLIST_SENT", Actor.of(caller),
                request.sentOn() + " " + request.channel() + "：" + String.join(",", codes));
        return toView(violation, plan(violationId));
    }

    /** The unit's commitment letter; once per case, and only from the unit the case is about. */
    @Transactional
    public FollowUpView recordCommitment(long violationId, RecordCommitment request, Caller caller) {
        ViolationView violation = violations.view(violationId, caller);
        PlanRow plan = lockPlan(violationId);
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
        if (plan.commitmentSignedOn() != null
                || mapper.recordCommitment(violationId, request.signedOn(), text, document, caller.department(), clock.instant()) == 0) {
            throw new ApiException(HttpStatus.CONFLICT, "commitment-recorded", "Commitment already recorded",
                    "the commitment of case " + violation.caseNumber() + " was recorded on " + plan.commitmentSignedOn());
        }
        appendEvent(violationId, "COMMITMENT_RECORDED", Actor.of(caller),
                "承诺书 " + request.signedOn() + (document == null ? "" : "（" + document + "）"));
        return toView(violation, plan(violationId));
    }

    /** A return visit as it took place; each scheduled visit is recorded once. */
    @Transactional
    public FollowUpView recordVisit(long violationId, int n, RecordVisit request, Caller caller) {
        ViolationView violation = violations.view(violationId, caller);
        PlanRow plan = lockPlan(violationId);
        VisitRow visit = mapper.findVisits(violationId).stream().filter(v -> v.n() == n).findFirst()
                .orElseThrow(() -> ApiException.notFound("visit " + n + " of case " + violationId));
        requireCaseDate(request.visitedOn(), plan, "visitedOn");
        if (visit.visitedOn() != null || mapper.recordVisit(violationId, n, request.visitedOn(),
                request.outcome().name(), blankToNull(request.note()), caller.department(), clock.instant()) == 0) {
            throw new ApiException(HttpStatus.CONFLICT, "visit-recorded", "Visit already recorded",
                    "visit " + n + " of case " + violation.caseNumber() + " was recorded on " + visit.visitedOn());
        }
        appendEvent(violationId, "VISIT_RECORDED", Actor.of(caller), "第" + n + "次回访 " + request.visitedOn() + "："
                + request.outcome() + (request.note() == null || request.note().isBlank() ? "" : "；" + request.note().strip()));
        return toView(violation, plan(violationId));
    }

    /** The credit office marks a case as typical: it appears on the public warning list. */
    @Transactional
    public FollowUpView markTypical(long violationId, MarkTypical request, Caller caller) {
        ViolationView violation = violations.view(violationId, caller);
        lockPlan(violationId);
        mapper.setTypical(violationId, true, request.warning().strip(), clock.instant());
        appendEvent(violationId, "MARKED_TYPICAL", Actor.of(caller, "ADMIN"), request.warning().strip());
        return toView(violation, plan(violationId));
    }

    /** The credit office takes a case off the public warning list. */
    @Transactional
    public FollowUpView unmarkTypical(long violationId, String reason, Caller caller) {
        ViolationView violation = violations.view(violationId, caller);
        PlanRow plan = lockPlan(violationId);
        if (!plan.typical()) {
            throw new ApiException(HttpStatus.CONFLICT, "not-typical", "Not a typical case",
                    "case " + violation.caseNumber() + " is not marked as typical");
        }
        mapper.setTypical(violationId, false, null, null);
        appendEvent(violationId, "UNMARKED_TYPICAL", Actor.of(caller, "ADMIN"), reason.strip());
        return toView(violation, plan(violationId));
    }

    /** Whether the penalised unit's commitment is on record (a condition of credit repair). */
    public boolean hasCommitment(long violationId) {
        return mapper.findPlan(violationId).map(p -> p.commitmentSignedOn() != null).orElse(false);
    }

    /** Visits past their due day and not recorded: ENFORCEMENT its own department's, ADMIN all or one department's. */
    public List<OverdueVisit> overdueVisits(Caller caller, String department, int page, int size) {
        LocalDate today = today();
        return mapper.findOverdueVisits(scope(caller, department), today, size, page * size).stream()
                .map(r -> new OverdueVisit(r.violationId(), r.caseNumber(), r.departmentCode(), r.uscc(), r.unitName(),
                        r.n(), r.dueOn(), Visit.scheduled(r.n(), r.dueOn()).daysOverdueOn(today)))
                .toList();
    }

    /** The key-supervision list on today. */
    public List<Supervised> underKeySupervision(Caller caller, String department, int page, int size) {
        return mapper.findUnderSupervision(scope(caller, department), today(), size, page * size).stream()
                .map(r -> new Supervised(r.violationId(), r.caseNumber(), r.departmentCode(), r.uscc(), r.unitName(),
                        r.supervisionFrom(), r.supervisionUntil()))
                .toList();
    }

    /** The public warning list: typical cases, newest first, persons masked. */
    public TypicalPage typicalCases(int page, int size) {
        List<TypicalCase> items = new ArrayList<>();
        for (long id : mapper.findTypical(size, page * size)) {
            ViolationView v = violations.find(id).orElseThrow();
            PlanRow plan = plan(id);
            ViolationView.Version current = current(v);
            items.add(new TypicalCase(id, v.unit().name(), v.unit().uscc(), v.criterion().title(),
                    catalogue.departmentName(v.department()), current.decisionDate(), current.decisionNumber(),
                    plan.typicalWarning(),
                    v.persons().stream().map(p -> new TypicalPerson(NameMask.mask(p.name()), p.maskedIdNumber(),
                            p.responsibility())).toList()));
        }
        return new TypicalPage(items, mapper.countTypical(), page, size);
    }

    /** The obligations checklist, enabled items only. */
    public List<ChecklistItem> checklistItems() {
        return catalogue.checklist().stream().filter(ChecklistItem::enabled).toList();
    }

    /** Repeat violations by area and criterion over the months {@code from}..{@code to} (default: the last 12). */
    public RepeatReport repeatReport(YearMonth from, YearMonth to, String department, String area, String criterion) {
        YearMonth end = to != null ? to : YearMonth.from(today());
        YearMonth start = from != null ? from : end.minusMonths(11);
        if (end.isBefore(start)) {
            throw ApiException.badField("to", "is before from");
        }
        if (start.plusMonths(properties.reportMaxMonths()).isBefore(end.plusMonths(1))) {
            throw ApiException.badField("from", "makes the report longer than " + properties.reportMaxMonths() + " months");
        }
        if (area != null && !area.matches("[0-9]{6}")) {
            throw ApiException.badField("area", "must be a 6-digit administrative division code");
        }
        int window = properties.repeatWindowMonths();
        List<Occurrence> occurrences = mapper.findOccurrences(start.atDay(1).minusMonths(window), end.atEndOfMonth(),
                blankToNull(department), area, blankToNull(criterion)).stream().map(FollowUpService::occurrence).toList();
        List<String> months = new ArrayList<>();
        for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        Map<String, String> titles = catalogue.criteria().stream()
                .collect(Collectors.toMap(Criterion::code, Criterion::title));
        List<RepeatReport.Row> rows = RepeatDetection.report(occurrences, start, end, window).stream()
                .map(r -> {
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    r.perMonth().forEach((m, c) -> counts.put(m.toString(), c));
                    return new RepeatReport.Row(r.areaCode(), r.criterionCode(), titles.get(r.criterionCode()), counts,
                            r.total(), r.repeats(), r.flagged());
                })
                .toList();
        return new RepeatReport(start, end, window, blankToNull(department), area, blankToNull(criterion), months, rows);
    }

    private FollowUpView toView(ViolationView violation, PlanRow plan) {
        LocalDate today = today();
        Map<String, ChecklistItem> items = checklist();
        List<FollowUpView.Reminder> reminders = mapper.findReminders(plan.violationId()).stream()
                .map(r -> new FollowUpView.Reminder(r.id(), r.sentOn(), r.channel(),
                        Arrays.stream(r.items().split(",")).map(code -> new FollowUpView.ChecklistEntry(code,
                                items.containsKey(code) ? items.get(code).title() : null)).toList(),
                        r.note(), r.recordedBy(), r.recordedAt()))
                .toList();
        FollowUpView.Commitment commitment = plan.commitmentSignedOn() == null ? null
                : new FollowUpView.Commitment(plan.commitmentSignedOn(), plan.commitmentText(), plan.commitmentDocument(),
                        plan.commitmentRecordedBy(), plan.commitmentRecordedAt());
        List<FollowUpView.Visit> visits = mapper.findVisits(plan.violationId()).stream()
                .map(v -> {
                    Visit visit = new Visit(v.n(), v.dueOn(), v.visitedOn(),
                            v.outcome() == null ? null : VisitOutcome.valueOf(v.outcome()));
                    return new FollowUpView.Visit(v.n(), v.dueOn(), v.visitedOn(), visit.outcome(), v.note(),
                            v.recordedBy(), v.recordedAt(), visit.isOverdueOn(today), visit.daysOverdueOn(today));
                })
                .toList();
        KeySupervision supervision = new KeySupervision(plan.supervisionFrom(), plan.supervisionUntil());
        int window = properties.repeatWindowMonths();
        Occurrence self = new Occurrence(plan.violationId(), plan.areaCode(), plan.criterionCode(), decisionDate(violation));
        List<Occurrence> nearby = mapper.findOccurrences(self.decisionDate().minusMonths(window), self.decisionDate(),
                null, plan.areaCode(), plan.criterionCode()).stream().map(FollowUpService::occurrence).toList();
        int earlier = RepeatDetection.earlierInWindow(self, nearby, window);
        return new FollowUpView(plan.violationId(), violation.caseNumber(), violation.department(),
                catalogue.departmentName(violation.department()),
                new FollowUpView.Unit(violation.unit().uscc(), violation.unit().name(), plan.areaCode()),
                new FollowUpView.Criterion(violation.criterion().code(), violation.criterion().title()),
                plan.caseDate(), reminders, commitment, visits,
                new FollowUpView.Typical(plan.typical(), plan.typicalWarning(), plan.typicalSince()),
                new FollowUpView.KeySupervision(supervision.from(), supervision.until(), supervision.isActiveOn(today)),
                new FollowUpView.Repeat(earlier > 0, earlier, window),
                mapper.findEvents(plan.violationId()).stream().map(e -> new FollowUpView.Event(e.kind(),
                        e.actorDepartment(), e.actorRole(), e.occurredAt(), e.detail())).toList());
    }

    private PlanRow plan(long violationId) {
        return mapper.findPlan(violationId).orElseThrow(() -> ApiException.notFound("follow-up plan of violation " + violationId));
    }

    private PlanRow lockPlan(long violationId) {
        return mapper.lockPlan(violationId).orElseThrow(() -> ApiException.notFound("follow-up plan of violation " + violationId));
    }

    private void requireCaseDate(LocalDate date, PlanRow plan, String field) {
        CaseDates.problemWith(date, plan.caseDate(), today()).ifPresent(problem -> {
            throw ApiException.badField(field, problem);
        });
    }

    /** ENFORCEMENT sees its own department only; ADMIN all, or the department it names. */
    private static String scope(Caller caller, String department) {
        if (department == null || department.isBlank()) {
            return caller.hasRole("ADMIN") ? null : caller.department();
        }
        // Another department's follow-ups answer as sanction-service's other inboxes do: 404, as if absent.
        caller.requireOwns(department, "follow-ups of department " + department);
        return department;
    }

    private Map<String, ChecklistItem> checklist() {
        return catalogue.checklist().stream().collect(Collectors.toMap(ChecklistItem::code, Function.identity()));
    }

    private void appendEvent(long violationId, String kind, Actor actor, String detail) {
        String bounded = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
        mapper.insertEvent(new EventRow(null, violationId, kind, actor.department(), actor.role(), clock.instant(), bounded));
    }

    private static ViolationView.Version current(ViolationView violation) {
        return violation.versions().stream().filter(v -> v.version() == violation.currentVersion()).findFirst()
                .orElseThrow();
    }

    private static LocalDate decisionDate(ViolationView violation) {
        return current(violation).decisionDate();
    }

    private static Occurrence occurrence(OccurrenceRow row) {
        return new Occurrence(row.violationId(), row.areaCode(), row.criterionCode(), row.decisionDate());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
