package cn.chongchuan.safetycredit.credit.violation;

import cn.chongchuan.safetycredit.credit.catalogue.CatalogueService;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.credit.listing.ListingRow;
import cn.chongchuan.safetycredit.credit.listing.ListingService;
import cn.chongchuan.safetycredit.credit.subject.Person;
import cn.chongchuan.safetycredit.credit.subject.SubjectService;
import cn.chongchuan.safetycredit.credit.subject.Unit;
import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import cn.chongchuan.safetycredit.credit.subject.domain.SubjectName;
import cn.chongchuan.safetycredit.credit.violation.ViolationMapper.ViolationHead;
import cn.chongchuan.safetycredit.credit.violation.ViolationMapper.ViolationVersion;
import cn.chongchuan.safetycredit.credit.violation.ViolationRequests.CorrectViolation;
import cn.chongchuan.safetycredit.credit.violation.ViolationRequests.PersonRef;
import cn.chongchuan.safetycredit.credit.violation.ViolationRequests.RecordViolation;
import cn.chongchuan.safetycredit.credit.violation.ViolationRequests.Responsibility;
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
import java.util.Set;

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

    /** Records a penalty decision, evaluates its criterion and proposes the listings it calls for. */
    @Transactional
    public Recorded recordViolation(RecordViolation request, Caller caller, String idempotencyKey, String requestHash) {
        Criterion criterion = catalogue.criterion(request.criterionCode())
                .filter(Criterion::enabled)
                .orElseThrow(() -> ApiException.badField("criterionCode", "is not a known, enabled listing criterion"));
        requireNotFuture(request.decisionDate(), "decisionDate");
        List<ParsedPerson> persons = parsePersons(request.personsOrEmpty());
        if (criterion.listsPrincipal() && persons.stream().noneMatch(p -> p.responsibility == Responsibility.PRINCIPAL)) {
            throw ApiException.badField("persons", "must name the 主要负责人 (responsibility PRINCIPAL): criterion "
                    + criterion.code() + " lists the unit's principal");
        }
        if (criterion.requiresPersons() && persons.isEmpty()) {
            throw ApiException.badField("persons", "must name the responsible persons: criterion " + criterion.code() + " lists persons");
        }
        String department = caller.department();
        if (mapper.findHeadByCase(department, request.caseNumber().strip()).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "duplicate-case-number", "Duplicate case number",
                    "case number " + request.caseNumber().strip() + " is already recorded by " + department
                            + "; correct it with a new version instead")
                    .with("errors", List.of(new FieldError("caseNumber", "is already recorded by this department")));
        }
        // The case keeps the name it states; the register keeps the decided name (issue 13).
        String statedUnitName = SubjectName.normalise(request.unit().name());
        Unit unit = subjects.resolveUnit(request.unit().uscc(), statedUnitName, "unit.uscc");
        mapper.insertViolation(department, request.caseNumber().strip(), unit.id(), statedUnitName, criterion.code(),
                clock.instant());
        long id = mapper.findHeadByCase(department, request.caseNumber().strip()).orElseThrow().id();
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
        int inWindow = countInWindow(unit.id(), criterion, request.decisionDate(), id);
        if (!criterion.isCountBased() || inWindow + 1 >= criterion.countThreshold()) {
            String reason = criterion.isCountBased()
                    ? "符合" + criterion.code() + "：" + criterion.windowMonths() + "个月内第" + (inWindow + 1) + "起"
                    : "符合" + criterion.code() + "：" + criterion.title();
            listings.proposeListings(id, criterion, department, unit, principals, others, reason);
        }
        events.publishEvent(new ViolationRecorded(id, department));
        return new Recorded(id, false);
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

    /** The whole violation for its department or the credit office; for anyone else it does not exist (404). */
    public ViolationView view(long id, Caller caller) {
        ViolationHead head = mapper.findHead(id).orElseThrow(() -> notFound(id));
        caller.requireOwns(head.departmentCode(), "violation " + id);
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
        ViolationVersion current = versions.stream().filter(v -> v.version() == head.currentVersion()).findFirst().orElseThrow();
        int inWindow = countInWindow(head.unitId(), criterion, current.decisionDate(), head.id());
        List<ListingRow> rows = listings.ofViolation(head.id());
        return new ViolationView(head.id(), head.departmentCode(), head.caseNumber(),
                new ViolationView.Criterion(criterion.code(), criterion.title()),
                new ViolationView.Unit(unit.uscc(), head.unitName(), unit.name()),
                mapper.findPersons(head.id()).stream()
                        .map(p -> new ViolationView.Person(p.personId(), p.name(), p.maskedIdNumber(), p.responsibility()))
                        .toList(),
                head.currentVersion(),
                versions.stream().map(v -> new ViolationView.Version(v.version(), v.decisionNumber(), v.decisionDate(),
                        v.description(), v.fineAmount(), v.correctionReason(), v.recordedBy(), v.recordedAt())).toList(),
                new ViolationView.Evaluation(!criterion.isCountBased() || inWindow + 1 >= criterion.countThreshold(), inWindow + 1, criterion.countThreshold(),
                        criterion.windowMonths()),
                rows.stream().map(l -> new ViolationView.ListingRef(l.id(), l.subjectType(), subjectName(l),
                        l.stateOn(listings.today()).name())).toList());
    }

    private String subjectName(ListingRow listing) {
        return ListingService.UNIT.equals(listing.subjectType())
                ? subjects.unit(listing.unitId()).name() : subjects.person(listing.personId()).name();
    }

    private int countInWindow(long unitId, Criterion criterion, LocalDate decisionDate, long excludeId) {
        if (!criterion.isCountBased()) {
            return 0;
        }
        return mapper.countInWindow(unitId, criterion.code(), decisionDate.minusMonths(criterion.windowMonths()),
                decisionDate, excludeId);
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
