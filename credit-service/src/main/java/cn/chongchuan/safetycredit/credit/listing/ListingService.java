package cn.chongchuan.safetycredit.credit.listing;

import cn.chongchuan.safetycredit.credit.calendar.CalendarService;
import cn.chongchuan.safetycredit.credit.catalogue.CatalogueService;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.credit.listing.BackdatingConfirmation.Step;
import cn.chongchuan.safetycredit.credit.listing.domain.IllegalTransitionException;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingAction;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingPeriod;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingState;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingStateMachine;
import cn.chongchuan.safetycredit.credit.listing.domain.ServiceMethod;
import cn.chongchuan.safetycredit.credit.outbox.OutboxWriter;
import cn.chongchuan.safetycredit.credit.subject.Person;
import cn.chongchuan.safetycredit.credit.subject.PersonKeyChanged;
import cn.chongchuan.safetycredit.credit.subject.SubjectService;
import cn.chongchuan.safetycredit.credit.subject.Unit;
import cn.chongchuan.safetycredit.platform.calendar.WorkingDayCalendar;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.problem.FieldError;
import cn.chongchuan.safetycredit.platform.web.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The lawful listing procedure: propose, notify, decide or drop, expire, revoke; and the
 * transitions that credit repair drives. Every transition appends a history event and, when the
 * subject goes on or off the list, an outbox event in the same transaction.
 */
@Service
public class ListingService {

    private static final Logger log = LoggerFactory.getLogger(ListingService.class);
    public static final String UNIT = "UNIT";
    public static final String PERSON = "PERSON";

    private final ListingMapper mapper;
    private final SubjectService subjects;
    private final CatalogueService catalogue;
    private final OutboxWriter outbox;
    private final ListingProperties properties;
    private final CalendarService calendars;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final ListingOrigins origins;
    private final Clock clock;

    ListingService(ListingMapper mapper, SubjectService subjects, CatalogueService catalogue, OutboxWriter outbox,
            ListingProperties properties, CalendarService calendars, JsonMapper json, ApplicationEventPublisher events,
            ListingOrigins origins, Clock clock) {
        this.mapper = mapper;
        this.subjects = subjects;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.properties = properties;
        this.calendars = calendars;
        this.json = json;
        this.events = events;
        this.origins = origins;
        this.clock = clock;
    }

    /** Today in the district's zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /** Proposes listings for the subjects a met criterion names; linked by their common violation. */
    @Transactional
    public List<Long> proposeListings(long violationId, Criterion criterion, String department, Unit unit,
            List<Person> principals, List<Person> others, String reason) {
        List<Long> ids = new ArrayList<>();
        if (criterion.listsUnit()) {
            ids.add(propose(violationId, criterion, department, UNIT, unit.key(), unit.id(), null, reason));
        }
        if (criterion.listsPrincipal()) {
            principals.forEach(p -> ids.add(propose(violationId, criterion, department, PERSON, p.key(), null, p.id(), reason)));
        }
        if (criterion.listsOtherPersons()) {
            others.forEach(p -> ids.add(propose(violationId, criterion, department, PERSON, p.key(), null, p.id(), reason)));
        }
        return ids;
    }

    private long propose(long violationId, Criterion criterion, String department, String type, String key,
            Long unitId, Long personId, String reason) {
        var existing = mapper.findByViolationAndSubject(violationId, key);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        mapper.insert(new ListingRow(null, type, key, unitId, personId, violationId, criterion.code(), department,
                ListingState.PROPOSED, clock.instant(), null, null, null, null, null, null, null, null, 0,
                clock.instant()));
        ListingRow created = mapper.findByViolationAndSubject(violationId, key).orElseThrow();
        appendHistory(created.id(), "TRANSITION", null, ListingState.PROPOSED, Actor.SYSTEM, reason, List.of());
        events.publishEvent(new ListingChanged(key, created.id()));
        return created.id();
    }

    /**
     * The party has been notified; the defence period runs for the configured working days, counted
     * with the holiday calendar (public holidays off, 调休 weekend days worked).
     */
    @Transactional
    public ListingRow notifyParty(long id, LocalDate noticeDate, LocalDate servedOn, ServiceMethod method, String reason,
            List<String> evidence, Caller caller) {
        // Who may act first: another department learns nothing of the listing, not even its dates' rules.
        Actor actor = decidingDepartment(id, caller, true);
        requireNotFuture(noticeDate, "noticeDate");
        requireNotFuture(servedOn, "servedOn");
        if (servedOn.isBefore(noticeDate)) {
            throw ApiException.badField("servedOn", "is before the notice date " + noticeDate);
        }
        String confirmed = confirmedIfBackdated(id, Step.NOTICE, noticeDate);
        // The party's defence period runs from the day the notice reached it (送达), not from its date.
        WorkingDayCalendar calendar = calendars.calendar();
        LocalDate deadline = calendar.addWorkingDays(servedOn, properties.defenceWorkingDays());
        if (!calendar.covers(servedOn, deadline)) {
            log.warn("listing {}: the defence period {} to {} runs into a year the holiday calendar does not cover "
                    + "(covered: {}); counted Monday to Friday there", id, servedOn, deadline, calendar.years());
        }
        String served = joinReason("送达：" + servedOn + "，" + method.label(), confirmed);
        return transition(id, ListingAction.NOTIFY, actor, joinReason(reason, served), evidence,
                l -> l.withNotice(noticeDate, servedOn, method.name(), deadline));
    }

    /** The written listing decision, by the department that imposed the penalty. */
    @Transactional
    public ListingRow decideListing(long id, String decisionNumber, LocalDate decisionDate, String waiverReference,
            String reason, List<String> evidence, Caller caller) {
        boolean defenceWaived = waiverReference != null;
        requireNotFuture(decisionDate, "decisionDate");
        Actor actor = decidingDepartment(id, caller, true);
        ListingRow current = find(id);
        if (current.state() == ListingState.NOTIFIED) {
            if (decisionDate.isBefore(current.noticeDate())) {
                throw ApiException.badField("decisionDate", "is before the notice date " + current.noticeDate());
            }
            LocalDate deadline = defenceDeadlineNow(current);
            if (!defenceWaived && !decisionDate.isAfter(deadline)) {
                throw new ApiException(HttpStatus.CONFLICT, "defence-period-running", "Defence period still running",
                        "the party may state its case until " + deadline
                                + "; decide after that day, or record the party's written waiver (defenceWaived and "
                                + "waiverReference)")
                        .with("defenceDeadline", deadline.toString());
            }
        }
        ListingPeriod period = ListingPeriod.startingOn(decisionDate, properties.listingYears());
        if (period.hasExpiredOn(today())) {
            throw ApiException.badField("decisionDate", "is so long ago that the listing would already have ended");
        }
        String fullReason = defenceWaived ? joinReason(reason, "当事人书面放弃陈述、申辩（" + waiverReference + "）") : reason;
        fullReason = joinReason(fullReason, confirmedIfBackdated(id, Step.DECISION, decisionDate));
        return transition(id, ListingAction.DECIDE, actor, fullReason, evidence, l -> l.withDecision(decisionNumber.strip(), period));
    }

    /**
     * The defence deadline as the calendar counts it now: a year the credit office added after the
     * notice (or corrected) may move it later, never earlier than the one the notice was given. A
     * period that runs into a year the calendar does not cover cannot be counted lawfully (its
     * holidays are unknown, counted Monday to Friday they would end it too early): no decision
     * until the credit office adds that year, unless the party waived its right in writing.
     */
    private LocalDate defenceDeadlineNow(ListingRow listing) {
        LocalDate servedOn = listing.servedOn() != null ? listing.servedOn() : listing.noticeDate();
        WorkingDayCalendar calendar = calendars.calendar();
        LocalDate recounted = calendar.addWorkingDays(servedOn, properties.defenceWorkingDays());
        LocalDate deadline = listing.defenceDeadline() == null || recounted.isAfter(listing.defenceDeadline())
                ? recounted : listing.defenceDeadline();
        if (!calendar.covers(servedOn, deadline)) {
            throw new ApiException(HttpStatus.CONFLICT, "calendar-year-missing", "Holiday calendar year missing",
                    "the defence period from " + servedOn + " runs into a year the holiday calendar does not cover "
                            + "(covered: " + calendar.years() + "), so its end cannot be counted: the credit office adds "
                            + "the State Council's arrangement for that year (POST /api/v1/calendar/years) first")
                    .with("coveredYears", List.copyOf(calendar.years()));
        }
        return deadline;
    }

    /**
     * The credit office confirms that a listing's notice or decision may carry a date more than
     * {@code backdating-confirmation-days} in the past (a case entered late, from its paper file).
     * Confirming the same date again returns the first confirmation.
     */
    @Transactional
    public Confirmed confirmBackdating(long id, Step step, LocalDate date, String reason, Caller caller) {
        ListingRow listing = find(id);
        requireNotFuture(date, "date");
        if (!isBackdated(date)) {
            throw ApiException.badField("date", "is not more than " + properties.backdatingConfirmationDays()
                    + " days ago and needs no confirmation");
        }
        Optional<BackdatingConfirmation> existing = mapper.findBackdating(id, step.name(), date);
        if (existing.isPresent()) {
            return new Confirmed(existing.get(), false);
        }
        boolean stillAhead = step == Step.NOTICE ? listing.state() == ListingState.PROPOSED
                : listing.state() == ListingState.PROPOSED || listing.state() == ListingState.NOTIFIED;
        if (!stillAhead) {
            throw new ApiException(HttpStatus.CONFLICT, "step-taken", "Step already taken",
                    "listing " + id + " is " + listing.state() + ": its " + step.name().toLowerCase(Locale.ROOT)
                            + " can no longer be dated")
                    .with("currentState", listing.state().name());
        }
        Actor actor = Actor.of(caller, "ADMIN");
        try {
            mapper.insertBackdating(new BackdatingConfirmation(null, id, step, date, reason.strip(), actor.department(),
                    actor.role(), clock.instant()));
        } catch (DuplicateKeyException e) {
            // Confirmed at the same moment by someone else: theirs stands.
            return new Confirmed(mapper.findBackdating(id, step.name(), date).orElseThrow(), false);
        }
        BackdatingConfirmation confirmation = mapper.findBackdating(id, step.name(), date).orElseThrow();
        appendHistory(id, "BACKDATING_CONFIRMED", listing.state(), listing.state(), actor,
                step.label() + " " + date + " 早于 " + properties.backdatingConfirmationDays() + " 日前，经信用办确认（确认记录 "
                        + confirmation.id() + "）：" + reason.strip(), List.of());
        return new Confirmed(confirmation, true);
    }

    /** A confirmation, and whether this call made it (false: the date was confirmed before). */
    public record Confirmed(BackdatingConfirmation confirmation, boolean created) {
    }

    public List<BackdatingConfirmation> backdatings(long id) {
        return mapper.findBackdatings(id);
    }

    private boolean isBackdated(LocalDate date) {
        return date.isBefore(today().minusDays(properties.backdatingConfirmationDays()));
    }

    /**
     * A date more than {@code backdating-confirmation-days} ago is taken only with the credit
     * office's confirmation of exactly that date for this listing and step: the history then says so.
     */
    private String confirmedIfBackdated(long id, Step step, LocalDate date) {
        if (!isBackdated(date)) {
            return null;
        }
        BackdatingConfirmation confirmation = mapper.findBackdating(id, step.name(), date).orElseThrow(() ->
                new ApiException(HttpStatus.CONFLICT, "backdating-unconfirmed", "Backdated date not confirmed",
                        step.field() + " " + date + " is more than " + properties.backdatingConfirmationDays()
                                + " days ago: the credit office (ADMIN) confirms such a date first, with a reason "
                                + "(POST /api/v1/listings/" + id + "/backdating-confirmations)")
                        .with("errors", List.of(new FieldError(step.field(), "is more than "
                                + properties.backdatingConfirmationDays() + " days ago and not confirmed by the credit office")))
                        .with("step", step.name())
                        .with("confirmationDays", properties.backdatingConfirmationDays()));
        return step.label() + "早于 " + properties.backdatingConfirmationDays() + " 日前，已经信用办确认（确认记录 "
                + confirmation.id() + "）";
    }

    /** The department decides not to list. */
    @Transactional
    public ListingRow dropListing(long id, String reason, List<String> evidence, Caller caller) {
        return transition(id, ListingAction.DROP, decidingDepartment(id, caller, false), reason, evidence, l -> l.withEndedOn(today()));
    }

    /** The credit office withdraws a listing made in error. */
    @Transactional
    public ListingRow revokeListing(long id, String reason, List<String> evidence, Caller caller) {
        return transition(id, ListingAction.REVOKE, Actor.of(caller, "ADMIN"), reason, evidence, l -> l.withEndedOn(today()));
    }

    /** An approved credit repair takes the subject off the list early. */
    @Transactional
    public ListingRow markRepaired(long id, String reason, List<String> evidence, Actor actor) {
        ListingRow current = find(id);
        if (current.stateOn(today()) == ListingState.EXPIRED) {
            throw new IllegalTransitionException(ListingState.EXPIRED, ListingAction.APPROVE_REPAIR, Set.of(ListingAction.REVOKE));
        }
        return transition(id, ListingAction.APPROVE_REPAIR, actor, reason, evidence, l -> l.withEndedOn(today()));
    }

    /** A repair found to rest on false material is revoked: the listing is restored for its original period. */
    @Transactional
    public ListingRow restoreAfterRevokedRepair(long id, String reason, List<String> evidence, Actor actor) {
        return transition(id, ListingAction.REVOKE_REPAIR, actor, reason, evidence, l -> l.withEndedOn(null));
    }

    /** Moves listings whose three years are over to EXPIRED; safe with several instances (SKIP LOCKED). */
    @Transactional
    public int expireDueListings(int batchSize) {
        LocalDate today = today();
        List<ListingRow> due = mapper.lockDueForExpiry(today, batchSize);
        for (ListingRow listing : due) {
            transition(listing.id(), ListingAction.EXPIRE, Actor.SYSTEM, "三年公布期届满", List.of(),
                    l -> l.withEndedOn(listing.listedUntil()));
        }
        return due.size();
    }

    /**
     * A person re-hashed under a new HMAC key: its listings follow it, in the same transaction —
     * first of the listeners, so the listing rows are locked before the subject versions, in the
     * order every transition takes them.
     */
    @EventListener
    @Order(1)
    void moveToNewKey(PersonKeyChanged change) {
        mapper.rekeySubject(change.oldKey(), change.newKey());
    }

    /** Records a non-transition event (objection, repair application …) in the listing's history. */
    @Transactional
    public void recordInHistory(long id, String kind, Actor actor, String reason, List<String> evidence) {
        ListingRow listing = find(id);
        appendHistory(id, kind, listing.state(), listing.state(), actor, reason, evidence);
    }

    public ListingRow find(long id) {
        return mapper.findById(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "no listing " + id));
    }

    /**
     * The subject's other listings that keep it on the list today (other cases, often other
     * departments): an end event names them, so that a department lifting the measures of one
     * listing knows the subject stays under sanction.
     */
    private List<Long> otherListingsInForce(ListingRow listing) {
        LocalDate today = today();
        return mapper.findBySubject(listing.subjectKey()).stream()
                .filter(l -> !l.id().equals(listing.id()) && l.stateOn(today).isOnList() && !today.isBefore(l.listedFrom()))
                .map(ListingRow::id).toList();
    }

    /**
     * The listing, if the caller may see it: the department that decides it, the department that
     * recorded the violation it was proposed on (which referred it), and the credit office; for
     * anyone else it does not exist (404, the one ownership rule).
     */
    public ListingRow visible(long id, Caller caller) {
        ListingRow listing = find(id);
        if (!isVisible(listing, caller)) {
            throw ApiException.notFound("listing " + id);
        }
        return listing;
    }

    /** Whether the caller may see the listing (see {@link #visible}). */
    public boolean isVisible(ListingRow listing, Caller caller) {
        return caller.owns(listing.departmentCode())
                || origins.recordingDepartment(listing.violationId()).filter(caller.department()::equals).isPresent();
    }

    public List<ListingRow> linkedTo(ListingRow listing) {
        return mapper.findByViolation(listing.violationId()).stream().filter(l -> !l.id().equals(listing.id())).toList();
    }

    public List<ListingRow> ofSubject(String subjectKey) {
        return mapper.findBySubject(subjectKey);
    }

    public List<ListingRow> ofViolation(long violationId) {
        return mapper.findByViolation(violationId);
    }

    public List<ListingEventRow> history(long id) {
        return mapper.findEvents(id);
    }

    public List<ListingRow> search(String department, ListingState state, int page, int size) {
        return mapper.search(department, state == null ? null : state.name(), size, page * size);
    }

    private ListingRow transition(long id, ListingAction action, Actor actor, String reason, List<String> evidence,
            UnaryOperator<ListingRow> change) {
        // Locks in one order everywhere: the listing row, then the subject's version. The expiry job
        // (rows first, SKIP LOCKED) and a re-hash (listing rows before versions) keep it too.
        ListingRow current = mapper.lockById(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "not-found",
                "Not found", "no listing " + id));
        ListingState next = ListingStateMachine.apply(current.state(), action);
        ListingRow updated = change.apply(current.withState(next, clock.instant()));
        // Then the subject's version (a row lock): changes of one subject's listings take turns, so
        // the listings still in force that an end event names are never a stale reading.
        events.publishEvent(new ListingChanged(current.subjectKey(), id));
        if (mapper.update(updated, current.version()) == 0) {
            throw new ApiException(HttpStatus.CONFLICT, "concurrent-change", "Changed meanwhile",
                    "listing " + id + " was changed by someone else; reload it and try again");
        }
        appendHistory(id, "TRANSITION", current.state(), next, actor, reason, evidence);
        if (!current.state().isOnList() && next.isOnList()) {
            outbox.append(current.subjectKey(), ListingEventMessage.STARTED, message(updated, ListingEventMessage.STARTED, next));
        } else if (current.state().isOnList() && !next.isOnList()) {
            outbox.append(current.subjectKey(), ListingEventMessage.ENDED, message(updated, ListingEventMessage.ENDED, next));
        }
        return mapper.findById(id).orElseThrow();
    }

    private ListingEventMessage message(ListingRow listing, String type, ListingState cause) {
        Criterion criterion = catalogue.criterion(listing.criterionCode()).orElseThrow();
        String name;
        String code;
        if (UNIT.equals(listing.subjectType())) {
            Unit unit = subjects.unit(listing.unitId());
            name = unit.name();
            code = unit.uscc();
        } else {
            Person person = subjects.person(listing.personId());
            name = person.name();
            code = person.maskedIdNumber();
        }
        return new ListingEventMessage(null, type, cause.name(), clock.instant(), listing.id(), listing.subjectType(),
                listing.subjectKey(), name, code, criterion.code(), criterion.title(), listing.decisionNumber(),
                listing.departmentCode(), listing.listedFrom(), listing.listedUntil(),
                linkedTo(listing).stream().map(ListingRow::id).toList(), otherListingsInForce(listing));
    }

    private void appendHistory(long id, String kind, ListingState from, ListingState to, Actor actor, String reason,
            List<String> evidence) {
        mapper.insertEvent(new ListingEventRow(null, id, kind, from == null ? null : from.name(), to.name(),
                actor.department(), actor.role(), clock.instant(), reason,
                evidence == null || evidence.isEmpty() ? null : json.writeValueAsString(evidence)));
    }

    /**
     * Only the department that decides the listing notifies, decides or drops it ("谁处罚、谁决定"; a
     * violation another department recorded under a criterion of 应急管理部令第11号 is decided by the
     * competent department it was routed to). A department that sees nothing of it gets 404 (the one
     * ownership rule); the credit office, and the department that recorded the violation and referred
     * the listing, see it but may not take these steps (403). Notice and decision also need the power
     * the catalogue gives today: a holder the catalogue no longer names competent may only drop.
     */
    private Actor decidingDepartment(long id, Caller caller, boolean deciding) {
        ListingRow listing = visible(id, caller);
        Criterion criterion = catalogue.criterion(listing.criterionCode()).orElseThrow();
        boolean holder = listing.departmentCode().equals(caller.department()) && caller.hasRole("ENFORCEMENT");
        if (!holder && caller.hasRole("ADMIN")) {
            throw new ApiException(HttpStatus.FORBIDDEN, "not-imposing-department", "Not the imposing department",
                    "only the department that decides this listing (" + listing.departmentCode()
                            + ") may notify, decide or drop it");
        }
        if (!holder || (deciding && !criterion.mayDecide(caller.department()))) {
            throw new ApiException(HttpStatus.FORBIDDEN, "not-competent-department", "Not the competent department",
                    caller.department() + " has no power to decide listings under " + criterion.code() + " ("
                            + criterion.legalBasis() + "); " + listing.departmentCode() + " decides this one")
                    .with("decidingDepartment", listing.departmentCode())
                    .with("competentDepartments", criterion.competentDepartments());
        }
        return Actor.of(caller, "ENFORCEMENT");
    }

    private void requireNotFuture(LocalDate date, String field) {
        if (date.isAfter(today())) {
            throw ApiException.badField(field, "is in the future");
        }
    }


    private static String joinReason(String reason, String addition) {
        if (addition == null) {
            return reason;
        }
        return reason == null || reason.isBlank() ? addition : reason + "；" + addition;
    }
}
