package cn.chongchuan.safetycredit.credit.listing;

import cn.chongchuan.safetycredit.credit.calendar.CalendarService;
import cn.chongchuan.safetycredit.credit.catalogue.CatalogueService;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.credit.listing.BackdatingConfirmation.Step;
import cn.chongchuan.safetycredit.credit.listing.domain.Dates;
import cn.chongchuan.safetycredit.credit.listing.domain.Listing;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingDecision;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingPeriod;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingState;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingSubject;
import cn.chongchuan.safetycredit.credit.listing.domain.PartyNotice;
import cn.chongchuan.safetycredit.credit.listing.domain.ServiceMethod;
import cn.chongchuan.safetycredit.credit.outbox.OutboxWriter;
import cn.chongchuan.safetycredit.credit.subject.Person;
import cn.chongchuan.safetycredit.credit.subject.PersonKeyChanged;
import cn.chongchuan.safetycredit.credit.subject.SubjectService;
import cn.chongchuan.safetycredit.credit.subject.Unit;
import cn.chongchuan.safetycredit.platform.calendar.WorkingDayCalendar;
import cn.chongchuan.safetycredit.platform.identity.Requester;
import cn.chongchuan.safetycredit.platform.persistence.GeneratedId;
import cn.chongchuan.safetycredit.platform.problem.FieldError;
import cn.chongchuan.safetycredit.platform.rule.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The lawful listing procedure: propose, notify, decide or drop, expire, revoke; and the
 * transitions that credit repair drives. Every transition appends a history event and, when the
 * subject goes on or off the list, an outbox event in the same transaction.
 */
@Service
public class ListingService {

    private static final Logger log = LoggerFactory.getLogger(ListingService.class);

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
            ids.add(propose(violationId, criterion, department, ListingSubject.unit(unit.key(), unit.id()), reason));
        }
        if (criterion.listsPrincipal()) {
            principals.forEach(p -> ids.add(propose(violationId, criterion, department, ListingSubject.person(p.key(), p.id()), reason)));
        }
        if (criterion.listsOtherPersons()) {
            others.forEach(p -> ids.add(propose(violationId, criterion, department, ListingSubject.person(p.key(), p.id()), reason)));
        }
        return ids;
    }

    private long propose(long violationId, Criterion criterion, String department, ListingSubject subject, String reason) {
        var existing = mapper.findByViolationAndSubject(violationId, subject.key());
        if (existing.isPresent()) {
            return existing.get().id();
        }
        GeneratedId id = new GeneratedId();
        mapper.insert(Listing.propose(subject, violationId, criterion.code(), department, clock.instant()), id);
        appendHistory(id.value(), "TRANSITION", null, ListingState.PROPOSED, Actor.SYSTEM, reason, List.of());
        events.publishEvent(new ListingChanged(subject.key(), id.value()));
        return id.value();
    }

    /**
     * The party has been notified; the defence period runs for the configured working days, counted
     * with the holiday calendar (public holidays off, 调休 weekend days worked).
     */
    @Transactional
    public Listing notifyParty(long id, LocalDate noticeDate, LocalDate servedOn, ServiceMethod method, String reason,
            List<String> evidence, Requester requester) {
        // Who may act first: another department learns nothing of the listing, not even its dates' rules.
        Actor actor = decidingDepartment(id, requester, true);
        WorkingDayCalendar calendar = calendars.calendar();
        PartyNotice notice = PartyNotice.served(noticeDate, servedOn, method, today(), calendar, properties.defenceWorkingDays());
        String confirmed = confirmedIfBackdated(id, Step.NOTICE, noticeDate);
        if (!notice.countedWith(calendar)) {
            log.warn("listing {}: the defence period {} to {} runs into a year the holiday calendar does not cover "
                    + "(covered: {}); counted Monday to Friday there", id, servedOn, notice.defenceDeadline(), calendar.years());
        }
        // The party's defence period runs from the day the notice reached it (送达), not from its date.
        String served = joinReason("送达：" + servedOn + "，" + method.label(), confirmed);
        return transition(id, actor, joinReason(reason, served), evidence, l -> l.notifyParty(notice, clock.instant()));
    }

    /** The written listing decision, by the department that imposed the penalty. */
    @Transactional
    public Listing decideListing(long id, String decisionNumber, LocalDate decisionDate, String waiverReference,
            String reason, List<String> evidence, Requester requester) {
        boolean defenceWaived = waiverReference != null;
        Dates.requireNotFuture(decisionDate, "decisionDate", today());
        Actor actor = decidingDepartment(id, requester, true);
        find(id).requireDecidableOn(decisionDate, defenceWaived, calendars::calendar, properties.defenceWorkingDays());
        ListingPeriod period = Listing.periodDecidedOn(decisionDate, properties.listingYears(), today());
        String fullReason = defenceWaived ? joinReason(reason, "当事人书面放弃陈述、申辩（" + waiverReference + "）") : reason;
        fullReason = joinReason(fullReason, confirmedIfBackdated(id, Step.DECISION, decisionDate));
        return transition(id, actor, fullReason, evidence, l -> l.decide(decisionNumber.strip(), period, clock.instant()));
    }

    /**
     * The credit office confirms that a listing's notice or decision may carry a date more than
     * {@code backdating-confirmation-days} in the past (a case entered late, from its paper file).
     * Confirming the same date again returns the first confirmation.
     */
    @Transactional
    public Confirmed confirmBackdating(long id, Step step, LocalDate date, String reason, Requester requester) {
        Listing listing = find(id);
        Dates.requireNotFuture(date, "date", today());
        if (!isBackdated(date)) {
            throw RuleViolation.invalid("date", "is not more than " + properties.backdatingConfirmationDays()
                    + " days ago and needs no confirmation");
        }
        Optional<BackdatingConfirmation> existing = mapper.findBackdating(id, step.name(), date);
        if (existing.isPresent()) {
            return new Confirmed(existing.get(), false);
        }
        boolean stillAhead = step == Step.NOTICE ? listing.state() == ListingState.PROPOSED
                : listing.state() == ListingState.PROPOSED || listing.state() == ListingState.NOTIFIED;
        if (!stillAhead) {
            throw RuleViolation.conflict("step-taken", "Step already taken",
                    "listing " + id + " is " + listing.state() + ": its " + step.name().toLowerCase(Locale.ROOT)
                            + " can no longer be dated")
                    .with("currentState", listing.state().name());
        }
        Actor actor = Actor.of(requester, Requester.ADMIN);
        GeneratedId confirmationId = new GeneratedId();
        try {
            mapper.insertBackdating(new BackdatingConfirmation(null, id, step, date, reason.strip(), actor.department(),
                    actor.role(), clock.instant()), confirmationId);
        } catch (DuplicateKeyException e) {
            // Confirmed at the same moment by someone else: theirs stands.
            return new Confirmed(mapper.findBackdating(id, step.name(), date).orElseThrow(), false);
        }
        appendHistory(id, "BACKDATING_CONFIRMED", listing.state(), listing.state(), actor,
                step.label() + " " + date + " 早于 " + properties.backdatingConfirmationDays() + " 日前，经信用办确认（确认记录 "
                        + confirmationId.value() + "）：" + reason.strip(), List.of());
        return new Confirmed(mapper.findBackdating(id, step.name(), date).orElseThrow(), true);
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
                RuleViolation.conflict("backdating-unconfirmed", "Backdated date not confirmed",
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
    public Listing dropListing(long id, String reason, List<String> evidence, Requester requester) {
        return transition(id, decidingDepartment(id, requester, false), reason, evidence, l -> l.drop(today(), clock.instant()));
    }

    /** The credit office withdraws a listing made in error. */
    @Transactional
    public Listing revokeListing(long id, String reason, List<String> evidence, Requester requester) {
        return transition(id, Actor.of(requester, Requester.ADMIN), reason, evidence, l -> l.revoke(today(), clock.instant()));
    }

    /** An approved credit repair takes the subject off the list early. */
    @Transactional
    public Listing markRepaired(long id, String reason, List<String> evidence, Actor actor) {
        return transition(id, actor, reason, evidence, l -> l.approveRepair(today(), clock.instant()));
    }

    /** A repair found to rest on false material is revoked: the listing is restored for its original period. */
    @Transactional
    public Listing restoreAfterRevokedRepair(long id, String reason, List<String> evidence, Actor actor) {
        return transition(id, actor, reason, evidence, l -> l.revokeRepair(clock.instant()));
    }

    /** Moves listings whose three years are over to EXPIRED; safe with several instances (SKIP LOCKED). */
    @Transactional
    public int expireDueListings(int batchSize) {
        List<Listing> due = mapper.lockDueForExpiry(today(), batchSize);
        for (Listing listing : due) {
            transition(listing.id(), Actor.SYSTEM, "三年公布期届满", List.of(), l -> l.expire(clock.instant()));
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
        Listing listing = find(id);
        appendHistory(id, kind, listing.state(), listing.state(), actor, reason, evidence);
    }

    public Listing find(long id) {
        return mapper.findById(id).orElseThrow(() -> RuleViolation.notFound("listing " + id));
    }

    /**
     * The subject's other listings that keep it on the list today (other cases, often other
     * departments): an end event names them, so that a department lifting the measures of one
     * listing knows the subject stays under sanction.
     */
    private List<Long> otherListingsInForce(Listing listing) {
        LocalDate today = today();
        return mapper.findBySubject(listing.subjectKey()).stream()
                .filter(l -> !l.id().equals(listing.id()) && l.inForceOn(today))
                .map(Listing::id).toList();
    }

    /**
     * The listing, if the requester may see it (see {@link Listing#isVisibleTo}); for anyone else
     * it does not exist (404, the one ownership rule).
     */
    public Listing visible(long id, Requester requester) {
        Listing listing = find(id);
        if (!isVisible(listing, requester)) {
            throw RuleViolation.notFound("listing " + id);
        }
        return listing;
    }

    /** Whether the requester may see the listing. */
    public boolean isVisible(Listing listing, Requester requester) {
        return listing.isVisibleTo(requester, () -> origins.recordingDepartment(listing.violationId()));
    }

    public List<Listing> linkedTo(Listing listing) {
        return mapper.findByViolation(listing.violationId()).stream().filter(l -> !l.id().equals(listing.id())).toList();
    }

    public List<Listing> ofSubject(String subjectKey) {
        return mapper.findBySubject(subjectKey);
    }

    public List<Listing> ofViolation(long violationId) {
        return mapper.findByViolation(violationId);
    }

    public List<ListingEventRow> history(long id) {
        return mapper.findEvents(id);
    }

    public List<Listing> search(String department, ListingState state, int page, int size) {
        return mapper.search(department, state, size, page * size);
    }

    /**
     * Loads the listing locked, lets it take the step, and saves it under the version it was loaded
     * at; appends the history event and, when the subject goes on or off the list, the outbox event,
     * in the same transaction.
     */
    private Listing transition(long id, Actor actor, String reason, List<String> evidence, UnaryOperator<Listing> step) {
        // Locks in one order everywhere: the listing row, then the subject's version. The expiry job
        // (rows first, SKIP LOCKED) and a re-hash (listing rows before versions) keep it too.
        Listing current = mapper.lockById(id).orElseThrow(() -> RuleViolation.notFound("listing " + id));
        Listing updated = step.apply(current);
        // Then the subject's version (a row lock): changes of one subject's listings take turns, so
        // the listings still in force that an end event names are never a stale reading.
        events.publishEvent(new ListingChanged(current.subjectKey(), id));
        if (mapper.update(updated, current.version()) == 0) {
            throw RuleViolation.conflict("concurrent-change", "Changed meanwhile",
                    "listing " + id + " was changed by someone else; reload it and try again");
        }
        ListingState next = updated.state();
        appendHistory(id, "TRANSITION", current.state(), next, actor, reason, evidence);
        if (!current.state().isOnList() && next.isOnList()) {
            outbox.append(current.subjectKey(), ListingEventMessage.STARTED, message(updated, ListingEventMessage.STARTED, next));
        } else if (current.state().isOnList() && !next.isOnList()) {
            outbox.append(current.subjectKey(), ListingEventMessage.ENDED, message(updated, ListingEventMessage.ENDED, next));
        }
        return mapper.findById(id).orElseThrow();
    }

    private ListingEventMessage message(Listing listing, String type, ListingState cause) {
        Criterion criterion = catalogue.criterion(listing.criterionCode()).orElseThrow();
        String name;
        String code;
        if (listing.subject().isUnit()) {
            Unit unit = subjects.unit(listing.subject().unitId());
            name = unit.name();
            code = unit.uscc();
        } else {
            Person person = subjects.person(listing.subject().personId());
            name = person.name();
            code = person.maskedIdNumber();
        }
        ListingDecision decision = listing.decision();
        return new ListingEventMessage(null, type, cause.name(), clock.instant(), listing.id(), listing.subject().type(),
                listing.subjectKey(), name, code, criterion.code(), criterion.title(),
                decision == null ? null : decision.number(), listing.departmentCode(),
                decision == null ? null : decision.listedFrom(), decision == null ? null : decision.listedUntil(),
                linkedTo(listing).stream().map(Listing::id).toList(), otherListingsInForce(listing));
    }

    private void appendHistory(long id, String kind, ListingState from, ListingState to, Actor actor, String reason,
            List<String> evidence) {
        mapper.insertEvent(new ListingEventRow(null, id, kind, from == null ? null : from.name(), to.name(),
                actor.department(), actor.role(), clock.instant(), reason,
                evidence == null || evidence.isEmpty() ? null : json.writeValueAsString(evidence)));
    }

    /**
     * The deciding department's actor for notice, decision or drop (see
     * {@link Listing#requireDecidingDepartment}): a department that sees nothing of the listing gets
     * 404 (the one ownership rule) before any rule of the listing is told.
     */
    private Actor decidingDepartment(long id, Requester requester, boolean deciding) {
        Listing listing = visible(id, requester);
        listing.requireDecidingDepartment(requester, catalogue.criterion(listing.criterionCode()).orElseThrow(), deciding);
        return Actor.of(requester, Requester.ENFORCEMENT);
    }

    private static String joinReason(String reason, String addition) {
        if (addition == null) {
            return reason;
        }
        return reason == null || reason.isBlank() ? addition : reason + "；" + addition;
    }
}
