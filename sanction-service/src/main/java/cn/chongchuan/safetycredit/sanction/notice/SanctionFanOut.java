package cn.chongchuan.safetycredit.sanction.notice;

import cn.chongchuan.safetycredit.platform.calendar.WorkingDayCalendar;
import cn.chongchuan.safetycredit.platform.tracing.TraceContexts;
import cn.chongchuan.safetycredit.sanction.calendar.CalendarService;
import cn.chongchuan.safetycredit.sanction.department.Department;
import cn.chongchuan.safetycredit.sanction.department.DepartmentService;
import cn.chongchuan.safetycredit.sanction.measure.Measure;
import cn.chongchuan.safetycredit.sanction.measure.MeasureService;
import cn.chongchuan.safetycredit.sanction.notice.domain.CaseStatus;
import cn.chongchuan.safetycredit.sanction.notice.domain.DeliveryStatus;
import cn.chongchuan.safetycredit.sanction.notice.domain.FanOutPlan;
import cn.chongchuan.safetycredit.sanction.notice.domain.FeedbackDeadline;
import cn.chongchuan.safetycredit.sanction.notice.domain.NoticeKind;
import cn.chongchuan.safetycredit.sanction.notice.internal.NewCase;
import cn.chongchuan.safetycredit.sanction.notice.internal.NewNotice;
import cn.chongchuan.safetycredit.sanction.notice.internal.NoticeMapper;
import cn.chongchuan.safetycredit.platform.persistence.GeneratedId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Turns a listing event into a sanction case and one notice per department that must act ("发起"):
 * at a start, every department implementing a measure for the subject type; at an end, the same
 * departments that were told of the start.
 */
@Service
public class SanctionFanOut {

    private static final Logger log = LoggerFactory.getLogger(SanctionFanOut.class);

    private final NoticeMapper notices;
    private final MeasureService measures;
    private final DepartmentService departments;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FeedbackDeadline deadline;
    private final FeedbackProperties feedback;
    private final CalendarService calendars;
    private final TraceContexts traces;

    SanctionFanOut(NoticeMapper notices, MeasureService measures, DepartmentService departments, JsonMapper json,
            ApplicationEventPublisher events, Clock clock, FeedbackProperties feedback, CalendarService calendars,
            TraceContexts traces) {
        this.traces = traces;
        this.notices = notices;
        this.measures = measures;
        this.departments = departments;
        this.json = json;
        this.events = events;
        this.clock = clock;
        this.feedback = feedback;
        this.calendars = calendars;
        this.deadline = new FeedbackDeadline(feedback.deadlineWorkingDays());
    }

    /** A listing started (LISTED, or RESTORED): open or re-open its case and notify the departments. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void startSanction(ListingEvent event) {
        Instant now = clock.instant();
        SanctionCase sanctionCase = notices.findCaseByListingId(event.listingId()).orElse(null);
        long caseId;
        if (sanctionCase == null) {
            caseId = openCase(event, CaseStatus.ACTIVE, now);
        } else if (sanctionCase.status() == CaseStatus.ACTIVE) {
            // The departments were told of this listing's start and not yet of an end: nothing new to say.
            log.info("listing {} is already under sanction; start event {} adds no notice", event.listingId(),
                    event.normalisedEventId());
            return;
        } else {
            caseId = sanctionCase.id();
            notices.restartCase(caseId, now);
        }
        List<Measure> catalogue = measures.catalogue(null, event.subjectType().name());
        issue(caseId, event, NoticeKind.SANCTION_START, planFor(event, catalogue), catalogue, now);
    }

    /** A listing ended (EXPIRED, REPAIRED, REVOKED): close the case and tell the same departments to lift. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void endSanction(ListingEvent event) {
        Instant now = clock.instant();
        SanctionCase sanctionCase = notices.findCaseByListingId(event.listingId()).orElse(null);
        long caseId;
        Map<String, List<String>> plan = new LinkedHashMap<>();
        if (sanctionCase == null) {
            // The start never reached us (or predates this service): tell whoever would have been told.
            caseId = openCase(event, CaseStatus.ENDED, now);
            plan = planFor(event, measures.catalogue(null, event.subjectType().name()));
        } else if (sanctionCase.status() == CaseStatus.ENDED) {
            log.info("listing {} has already ended; end event {} adds no notice", event.listingId(),
                    event.normalisedEventId());
            return;
        } else {
            caseId = sanctionCase.id();
            notices.endCase(caseId, event.cause(), now);
            for (Notice start : notices.findLatestStartNotices(caseId)) {
                plan.put(start.departmentCode(), start.measureCodes());
            }
        }
        List<String> codes = plan.values().stream().flatMap(List::stream).distinct().toList();
        issue(caseId, event, NoticeKind.SANCTION_END, plan, measures.findByCodes(codes), now);
    }

    /** Who must be told about a listing of this subject type, and of which measures. */
    private Map<String, List<String>> planFor(ListingEvent event, List<Measure> catalogue) {
        Set<String> partners = departments.findAll().stream().filter(SanctionFanOut::appliesMeasures)
                .map(Department::code).collect(Collectors.toSet());
        return FanOutPlan.departmentsFor(event.subjectType().name(), catalogue.stream()
                .map(m -> new FanOutPlan.CatalogueEntry(m.code(), m.department(), m.subjectTypes())).toList(), partners);
    }

    /** Departments that apply measures: enabled partners (a measure given to anyone else reaches nobody). */
    private static boolean appliesMeasures(Department department) {
        return department.enabled() && department.roles().contains("PARTNER");
    }

    /** Opens the listing's case; the database gives it its id. */
    private long openCase(ListingEvent event, CaseStatus status, Instant now) {
        GeneratedId id = new GeneratedId();
        notices.insertCase(id, new NewCase(event, status, now));
        return id.value();
    }

    /**
     * The departments' next pull-feed numbers, their feed rows locked until this transaction ends: a
     * concurrent fan-out to one of them waits there until this one commits, so the numbers become
     * visible in order (V11__notice_feed.sql explains why the feed's cursors need that). The rows
     * are taken in department-code order by every fan-out, so two fan-outs to overlapping
     * departments queue up instead of deadlocking.
     */
    private Map<String, Long> nextFeedSequences(Set<String> departmentCodes) {
        List<String> inOrder = new TreeSet<>(departmentCodes).stream().toList();
        notices.bumpFeedSequences(inOrder);
        return notices.findFeedPositions(inOrder).stream()
                .collect(Collectors.toMap(FeedPosition::department, FeedPosition::lastSequence));
    }

    private void issue(long caseId, ListingEvent event, NoticeKind kind, Map<String, List<String>> plan,
            List<Measure> catalogue, Instant now) {
        if (plan.isEmpty()) {
            log.warn("listing {} ({}): no department implements a measure for {}", event.listingId(), kind,
                    event.subjectType());
            return;
        }
        String eventId = event.normalisedEventId();
        Map<String, Measure> byCode = catalogue.stream().collect(Collectors.toMap(Measure::code, Function.identity()));
        Map<String, Department> targets = departments.findByCodes(List.copyOf(plan.keySet())).stream()
                .collect(Collectors.toMap(Department::code, Function.identity()));
        LocalDate issuedOn = LocalDate.ofInstant(now, feedback.zone());
        WorkingDayCalendar calendar = calendars.calendar();
        LocalDate dueOn = deadline.dueFor(issuedOn, calendar);
        if (!calendar.covers(issuedOn, dueOn)) {
            log.warn("listing {}: the feedback period {} to {} runs into a year the holiday calendar does not cover "
                    + "(covered: {}); counted Monday to Friday there", event.listingId(), issuedOn, dueOn,
                    calendar.years());
        }
        List<NewNotice> issued = new ArrayList<>();
        // Each notice's delivery continues the trace of the listing event it is made from.
        String traceparent = traces.currentTraceparentOrNull();
        Map<String, Long> feedSequences = nextFeedSequences(plan.keySet());
        plan.forEach((departmentCode, measureCodes) -> {
            String id = UUID.randomUUID().toString();
            List<NoticeBody.MeasureItem> items = measureCodes.stream().map(byCode::get).filter(Objects::nonNull)
                    .map(m -> new NoticeBody.MeasureItem(m.code(), m.title(), m.legalBasis())).toList();
            String body = json.writeValueAsString(new NoticeBody(id, kind, departmentCode, eventId, event.cause(),
                    event.occurredAt(), event, items, dueOn, now));
            // Pushed to the department's endpoint when it has one; otherwise kept for it to fetch.
            Department department = targets.get(departmentCode);
            DeliveryStatus delivery = department != null && department.pushes() ? DeliveryStatus.QUEUED
                    : DeliveryStatus.PULL;
            issued.add(new NewNotice(id, caseId, event.listingId(), departmentCode, kind, eventId, measureCodes, body,
                    delivery, dueOn, now, traceparent, feedSequences.get(departmentCode)));
        });
        notices.insertNotices(issued);
        events.publishEvent(new NoticesIssued(plan.keySet()));
        long queued = issued.stream().filter(n -> n.status() == DeliveryStatus.QUEUED).count();
        log.info("listing {} ({} {}): {} notices, {} to push", event.listingId(), kind, event.cause(), issued.size(),
                queued);
        if (queued > 0) {
            events.publishEvent(new NoticesQueued((int) queued));
        }
    }
}
