package cn.chongchuan.safetycredit.credit.violation;

import cn.chongchuan.safetycredit.credit.catalogue.CatalogueService;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.credit.listing.ListingService;
import cn.chongchuan.safetycredit.credit.listing.domain.Listing;
import cn.chongchuan.safetycredit.credit.subject.Person;
import cn.chongchuan.safetycredit.credit.subject.SubjectService;
import cn.chongchuan.safetycredit.credit.subject.Unit;
import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import cn.chongchuan.safetycredit.credit.subject.domain.SubjectName;
import cn.chongchuan.safetycredit.credit.subject.domain.UnifiedSocialCreditCode;
import cn.chongchuan.safetycredit.credit.violation.ViolationMapper.RecordedAccident;
import cn.chongchuan.safetycredit.credit.violation.ViolationMapper.ViolationHead;
import cn.chongchuan.safetycredit.credit.violation.ViolationMapper.ViolationVersion;
import cn.chongchuan.safetycredit.credit.violation.ViolationRequests.CorrectViolation;
import cn.chongchuan.safetycredit.credit.violation.ViolationRequests.PersonRef;
import cn.chongchuan.safetycredit.credit.violation.ViolationRequests.RecordViolation;
import cn.chongchuan.safetycredit.credit.violation.ViolationRequests.Responsibility;
import cn.chongchuan.safetycredit.credit.violation.domain.AccidentGrade;
import cn.chongchuan.safetycredit.credit.violation.domain.Assessment;
import cn.chongchuan.safetycredit.credit.violation.domain.CriterionRules;
import cn.chongchuan.safetycredit.credit.violation.domain.ViolationFacts;
import cn.chongchuan.safetycredit.credit.violation.domain.ViolationFacts.FactProblem;
import cn.chongchuan.safetycredit.platform.persistence.GeneratedId;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.problem.FieldError;
import cn.chongchuan.safetycredit.platform.web.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** Records penalty decisions, versions their corrections, and evaluates them against the criteria. */
@Service
public class ViolationService {

    private final ViolationMapper mapper;
    private final SubjectService subjects;
    private final CatalogueService catalogue;
    private final ListingService listings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ViolationService(ViolationMapper mapper, SubjectService subjects, CatalogueService catalogue, ListingService listings,
            ApplicationEventPublisher events, Clock clock) {
        this.mapper = mapper;
        this.subjects = subjects;
        this.catalogue = catalogue;
        this.listings = listings;
        this.events = events;
        this.clock = clock;
    }

    /** The outcome of recording: the violation and whether it was a replay of an earlier request. */
    public record Recorded(long violationId, boolean replayed) {
    }

    /** The violation an Idempotency-Key already created, if the same request comes again. */
    public Optional<Recorded> replayOf(String department, String idempotencyKey, String requestHash) {
        if (idempotencyKey == null) {
            return Optional.empty();
        }
        return mapper.findIdempotencyKey(department, idempotencyKey).map(record -> {
            if (!record.requestHash().equals(requestHash)) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                        "this Idempotency-Key was already used with a different request")
                        .with("errors", List.of(new FieldError("Idempotency-Key", "was used with a different request")));
            }
            return new Recorded(record.violationId(), true);
        });
    }

    /**
     * Records a penalty decision with its facts, assesses its criterion against them (a criterion the
     * facts rule out is refused, naming the field at fault) and proposes the listings it calls for.
     */
    @Transactional
    public Recorded recordViolation(RecordViolation request, Caller caller, String idempotencyKey, String requestHash) {
        Criterion criterion = catalogue.criterion(request.criterionCode())
                .filter(Criterion::enabled)
                .orElseThrow(() -> ApiException.badField("criterionCode", "is not a known, enabled listing criterion"));
        requireNotFuture(request.decisionDate(), "decisionDate");
        ViolationFacts facts = request.facts();
        requireConsistent(facts, request.decisionDate());
        String department = caller.department();
        String deciding = switch (criterion.route(department, blankToNull(request.decidingDepartment()))) {
            case Criterion.Routing.To(String to) -> to;
            case Criterion.Routing.Refused(String field, String reason) -> throw ApiException.badField(field, reason);
        };
        List<ParsedPerson> persons = parsePersons(request.personsOrEmpty());
        if (criterion.listsPrincipal() && persons.stream().noneMatch(p -> p.responsibility == Responsibility.PRINCIPAL)) {
            throw ApiException.badField("persons", "must name the 主要负责人 (responsibility PRINCIPAL): criterion "
                    + criterion.code() + " lists the unit's principal");
        }
        if (criterion.requiresPersons() && persons.isEmpty()) {
            throw ApiException.badField("persons", "must name the responsible persons: criterion " + criterion.code() + " lists persons");
        }
        if (mapper.findHeadByCase(department, request.caseNumber().strip()).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "duplicate-case-number", "Duplicate case number",
                    "case number " + request.caseNumber().strip() + " is already recorded by " + department
                            + "; correct it with a new version instead")
                    .with("errors", List.of(new FieldError("caseNumber", "is already recorded by this department")));
        }
        // The case keeps the name it states; the register keeps the decided name (issue 13).
        String statedUnitName = SubjectName.normalise(request.unit().name());
        Unit unit = subjects.resolveUnit(request.unit().uscc(), statedUnitName, "unit.uscc");
        boolean counts = criterion.isCountBased() && facts.accidentGrade() == AccidentGrade.LARGER;
        if (counts) {
            // One recording of a 较大 accident of this unit at a time: two departments recording the two
            // accidents at once must not each miss the other (each reads what the other committed).
            subjects.lockUnit(unit.id());
        }
        List<RecordedAccident> otherAccidents = counts
                ? largerAccidentsAround(unit.id(), facts.accidentDate(), 0L, criterion.windowMonths(), true) : List.of();
        Assessment assessment = CriterionRules.assess(criterion, facts, dates(otherAccidents));
        if (assessment.outcome() == Assessment.Outcome.EXCLUDED) {
            throw excluded(assessment);
        }
        GeneratedId generated = new GeneratedId();
        mapper.insertViolation(department, request.caseNumber().strip(), unit.id(), statedUnitName, criterion.code(),
                facts, clock.instant(), generated);
        long id = generated.value();
        if (idempotencyKey != null) {
            mapper.insertIdempotencyKey(department, idempotencyKey, requestHash, id, clock.instant());
        }
        mapper.insertVersion(new ViolationVersion(id, 1, SubjectName.normalise(request.decisionNumber()), request.decisionDate(),
                request.description().strip(), request.fineAmount(), statedUnitName, null, department, clock.instant()));
        List<Person> principals = new ArrayList<>();
        List<Person> others = new ArrayList<>();
        for (ParsedPerson parsed : persons) {
            Person person = subjects.resolvePerson(parsed.id, parsed.name);
            mapper.insertPerson(id, person.id(), parsed.name, parsed.responsibility.name());
            (parsed.responsibility == Responsibility.PRINCIPAL ? principals : others).add(person);
        }
        if (proposes(criterion, assessment, unit, facts, id, otherAccidents)) {
            String reason = listingReason(criterion, assessment);
            if (!deciding.equals(department)) {
                reason += "；" + catalogue.departmentName(department) + "录入，移送有权决定的"
                        + catalogue.departmentName(deciding) + "决定";
            }
            listings.proposeListings(id, criterion, deciding, unit, principals, others, reason);
        }
        events.publishEvent(new ViolationRecorded(id, department));
        return new Recorded(id, false);
    }

    /**
     * The criteria the facts decide, best first (nothing is recorded): met, then those a finding of
     * the decision decides, then those still counting, then those ruled out, each with its reason. A
     * known unit's recorded 较大 accidents count towards situation 2.
     */
    public List<Assessment> suggestCriteria(ViolationFacts facts, LocalDate decisionDate, String uscc) {
        requireConsistent(facts, decisionDate);
        boolean unitGiven = uscc != null && !uscc.isBlank();
        if (unitGiven) {
            UnifiedSocialCreditCode.parseFormat(uscc, "uscc");
        }
        List<LocalDate> otherAccidents = List.of();
        if (unitGiven && facts.accidentGrade() == AccidentGrade.LARGER) {
            int months = catalogue.criteria().stream().map(Criterion::windowMonths).filter(Objects::nonNull)
                    .max(Integer::compare).orElse(0);
            otherAccidents = subjects.unit(uscc)
                    .map(u -> dates(largerAccidentsAround(u.id(), facts.accidentDate(), 0L, months, false)))
                    .orElse(List.of());
        }
        return CriterionRules.suggest(catalogue.criteria(), facts, otherAccidents);
    }

    /**
     * Whether recording this violation proposes listings now. A count-based criterion proposes when
     * the count is met with this accident and this accident was not counted before (another case of an
     * accident already counted proposes nothing again); the accidents it counted are kept.
     */
    private boolean proposes(Criterion criterion, Assessment assessment, Unit unit, ViolationFacts facts, long id,
            List<RecordedAccident> otherAccidents) {
        if (!assessment.outcome().proposesListing()) {
            return false;
        }
        if (!criterion.isCountBased()) {
            return true;
        }
        if (!mapper.lockCountedAccidents(unit.id(), facts.accidentDate()).isEmpty()) {
            return false;
        }
        List<Long> counted = new ArrayList<>();
        counted.add(id);
        otherAccidents.stream().filter(a -> assessment.countedAccidents().contains(a.accidentDate()))
                .map(RecordedAccident::violationId).forEach(counted::add);
        mapper.insertAccidentCount(id, counted);
        return true;
    }

    private static String listingReason(Criterion criterion, Assessment assessment) {
        String finding = assessment.outcome() == Assessment.Outcome.MET ? assessment.reason()
                : "处罚决定认定：" + criterion.title();
        return "符合" + criterion.code() + "（" + criterion.legalBasis() + "）：" + finding;
    }

    /** The unit's other 较大 accidents within {@code months} either side of {@code accidentDate}. */
    private List<RecordedAccident> largerAccidentsAround(long unitId, LocalDate accidentDate, long excludeId, int months,
            boolean lock) {
        LocalDate since = accidentDate.minusMonths(months);
        LocalDate until = accidentDate.plusMonths(months);
        return lock ? mapper.lockLargerAccidents(unitId, excludeId, since, until)
                : mapper.findLargerAccidents(unitId, excludeId, since, until);
    }

    private static List<LocalDate> dates(List<RecordedAccident> accidents) {
        return accidents.stream().map(RecordedAccident::accidentDate).toList();
    }

    private void requireConsistent(ViolationFacts facts, LocalDate decisionDate) {
        List<FactProblem> problems = facts.problems(decisionDate, listings.today());
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    problems.stream().map(p -> p.field() + " " + p.reason()).collect(Collectors.joining("; ")))
                    .with("errors", problems.stream().map(p -> new FieldError(p.field(), p.reason())).toList());
        }
    }

    /** 400: the facts rule the chosen criterion out; names the fields at fault. */
    private static ApiException excluded(Assessment assessment) {
        List<String> fields = new ArrayList<>(assessment.fields());
        fields.add("criterionCode");
        return new ApiException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                String.join(", ", assessment.fields()) + " " + assessment.problem())
                .with("errors", fields.stream().map(f -> new FieldError(f, f.equals("criterionCode")
                        ? "is ruled out by the facts: " + assessment.reason() : assessment.problem())).toList());
    }

    /** A correction: a new version with the reason; the earlier versions stay as they were. */
    @Transactional
    public void correctViolation(long id, CorrectViolation request, Caller caller) {
        ViolationHead head = mapper.lockHead(id).orElseThrow(() -> notFound(id));
        caller.requireOwns(head.departmentCode(), "violation " + id);
        requireNotFuture(request.decisionDate(), "decisionDate");
        int next = head.currentVersion() + 1;
        String unitName = head.unitName();
        mapper.insertVersion(new ViolationVersion(id, next, SubjectName.normalise(request.decisionNumber()), request.decisionDate(),
                request.description().strip(), request.fineAmount(), unitName, request.reason().strip(),
                caller.department(), clock.instant()));
        mapper.setCurrentVersion(id, next);
    }

    /**
     * The whole violation for its department, for the department that decides a listing proposed on
     * it (the competent department decides on the case it reads), and for the credit office; for
     * anyone else it does not exist (404).
     */
    public ViolationView view(long id, Caller caller) {
        ViolationHead head = mapper.findHead(id).orElseThrow(() -> notFound(id));
        if (!caller.owns(head.departmentCode())
                && listings.ofViolation(id).stream().noneMatch(l -> caller.owns(l.departmentCode()))) {
            throw notFound(id);
        }
        return toView(head);
    }

    /** The whole violation, without an access check: for features that decide access themselves. */
    public Optional<ViolationView> find(long id) {
        return mapper.findHead(id).map(this::toView);
    }

    /** Violations of a unit, for the subject page. */
    public List<ViolationView> ofUnit(long unitId) {
        return mapper.findByUnit(unitId).stream().map(this::toView).toList();
    }

    /** Violations a person is held responsible for, for the subject page. */
    public List<ViolationView> ofPerson(long personId) {
        return mapper.findByPerson(personId).stream().map(this::toView).toList();
    }

    private ViolationView toView(ViolationHead head) {
        Criterion criterion = catalogue.criterion(head.criterionCode()).orElseThrow();
        Unit unit = subjects.unit(head.unitId());
        List<ViolationVersion> versions = mapper.findVersions(head.id());
        List<Listing> rows = listings.ofViolation(head.id());
        ViolationFacts facts = head.facts();
        return new ViolationView(head.id(), head.departmentCode(), head.caseNumber(),
                new ViolationView.Criterion(criterion.code(), criterion.title(), criterion.legalBasis()),
                new ViolationView.Facts(facts.accidentDate(), facts.accidentGrade() == null ? null : facts.accidentGrade().name(),
                        facts.accidentGrade() == null ? null : facts.accidentGrade().label(), facts.fineMultiple(),
                        facts.especiallySerious()),
                new ViolationView.Unit(unit.uscc(), head.unitName(), unit.name()),
                mapper.findPersons(head.id()).stream()
                        .map(p -> new ViolationView.Person(p.personId(), p.name(), p.maskedIdNumber(), p.responsibility()))
                        .toList(),
                head.currentVersion(),
                versions.stream().map(v -> new ViolationView.Version(v.version(), v.decisionNumber(), v.decisionDate(),
                        v.description(), v.fineAmount(), v.correctionReason(), v.recordedBy(), v.recordedAt())).toList(),
                evaluation(head, criterion, facts),
                rows.stream().map(l -> new ViolationView.ListingRef(l.id(), l.subject().type(), subjectName(l),
                        l.stateOn(listings.today()).name(), l.departmentCode())).toList());
    }

    /** The assessment of the case's criterion as of now (accidents recorded since count too). */
    private ViolationView.Evaluation evaluation(ViolationHead head, Criterion criterion, ViolationFacts facts) {
        if (criterion.accidentRelated() && !facts.hasAccident()) {
            // Recorded before violations recorded their facts (V10): nothing to assess.
            return new ViolationView.Evaluation(!criterion.isCountBased(), "NOT_ASSESSED", "录入时未记录事故事实", 0,
                    criterion.countThreshold(), criterion.windowMonths(), List.of(), false);
        }
        boolean counts = criterion.isCountBased() && facts.accidentGrade() == AccidentGrade.LARGER;
        List<LocalDate> others = counts
                ? dates(largerAccidentsAround(head.unitId(), facts.accidentDate(), head.id(), criterion.windowMonths(), false))
                : List.of();
        Assessment assessment = CriterionRules.assess(criterion, facts, others);
        // Counted in a situation-2 proposal on another case (this one then proposed nothing itself).
        List<Long> proposals = counts ? mapper.findCountedAccidents(head.unitId(), facts.accidentDate()) : List.of();
        boolean alreadyCounted = !proposals.isEmpty() && !proposals.contains(head.id());
        return new ViolationView.Evaluation(assessment.outcome().proposesListing(), assessment.outcome().name(),
                assessment.reason(), Math.max(1, assessment.countedAccidents().size()), criterion.countThreshold(),
                criterion.windowMonths(), assessment.countedAccidents(), alreadyCounted);
    }

    private String subjectName(Listing listing) {
        return listing.subject().isUnit()
                ? subjects.unit(listing.subject().unitId()).name() : subjects.person(listing.subject().personId()).name();
    }

    private List<ParsedPerson> parsePersons(List<PersonRef> refs) {
        List<ParsedPerson> parsed = new ArrayList<>();
        Set<ResidentIdNumber> seen = new HashSet<>();
        for (int i = 0; i < refs.size(); i++) {
            PersonRef ref = refs.get(i);
            ResidentIdNumber id = ResidentIdNumber.parse(ref.idNumber(), "persons[" + i + "].idNumber");
            if (!seen.add(id)) {
                throw ApiException.badField("persons[" + i + "].idNumber", "names the same person twice");
            }
            parsed.add(new ParsedPerson(id, SubjectName.normalise(ref.name()), ref.responsibility()));
        }
        return parsed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void requireNotFuture(LocalDate date, String field) {
        if (date.isAfter(listings.today())) {
            throw ApiException.badField(field, "is in the future");
        }
    }

    private static ApiException notFound(long id) {
        return ApiException.notFound("violation " + id);
    }


    private record ParsedPerson(ResidentIdNumber id, String name, Responsibility responsibility) {
    }
}
