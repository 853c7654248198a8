package cn.chongchuan.safetycredit.sanction.notice;

import cn.chongchuan.safetycredit.platform.calendar.WorkingDayCalendar;
import cn.chongchuan.safetycredit.sanction.calendar.CalendarService;
import cn.chongchuan.safetycredit.sanction.department.Department;
import cn.chongchuan.safetycredit.sanction.department.DepartmentMapper;
import cn.chongchuan.safetycredit.sanction.measure.Measure;
import cn.chongchuan.safetycredit.sanction.measure.MeasureMapper;
import cn.chongchuan.safetycredit.sanction.notice.domain.DeliveryStatus;
import cn.chongchuan.safetycredit.sanction.notice.domain.FanOutPlan;
import cn.chongchuan.safetycredit.sanction.notice.domain.FeedbackDeadline;
import cn.chongchuan.safetycredit.sanction.notice.domain.NoticeKind;
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
import java.util.Set;
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
    private final MeasureMapper measures;
    private final DepartmentMapper departments;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FeedbackDeadline deadline;
    private final FeedbackProperties feedback;
    private final CalendarService calendars;

    public SanctionFanOut(NoticeMapper notices, MeasureMapper measures, DepartmentMapper departments, JsonMapper json,
            ApplicationEventPublisher events, Clock clock, FeedbackProperties feedback, CalendarService calendars) {
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
    public List<Notice> startSanction(ListingFacts facts) {
        Instant now = clock.instant();
        SanctionCase sanctionCase = notices.findCaseByListingId(facts.listingId()).orElse(null);
        if (sanctionCase == null) {
            sanctionCase = openCase(facts, "ACTIVE", null, now);
        } else if ("ACTIVE".equals(sanctionCase.status())) {
            // The departments were told of this listing's start and not yet of an end: nothing new to say.
            log.info("listing {} is already under sanction; start event {} adds no notice", facts.listingId(),
                    facts.eventId());
            return List.of();
        } else {
            notices.restartCase(sanctionCase.id(), now);
        }
        List<Measure> catalogue = measures.find(null, facts.subjectType());
        return issue(sanctionCase, facts, NoticeKind.SANCTION_START, planFor(facts.subjectType(), catalogue),
                catalogue, now);
    }

    /** A listing ended (EXPIRED, REPAIRED, REVOKED): close the case and tell the same departments to lift. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Notice> endSanction(ListingFacts facts) {
        Instant now = clock.instant();
        SanctionCase sanctionCase = notices.findCaseByListingId(facts.listingId()).orElse(null);
        Map<String, List<String>> plan = new LinkedHashMap<>();
        if (sanctionCase == null) {
            // The start never reached us (or predates this service): tell whoever would have been told.
            sanctionCase = openCase(facts, "ENDED", facts.cause(), now);
            plan = planFor(facts.subjectType(), measures.find(null, facts.subjectType()));
        } else if ("ENDED".equals(sanctionCase.status())) {
            log.info("listing {} has already ended; end event {} adds no notice", facts.listingId(), facts.eventId());
            return List.of();
        } else {
            notices.endCase(sanctionCase.id(), facts.cause(), now);
            for (Notice start : notices.findLatestStartNotices(sanctionCase.id())) {
                plan.put(start.departmentCode(), start.measureCodes());
            }
        }
        List<String> codes = plan.values().stream().flatMap(List::stream).distinct().toList();
        List<Measure> named = codes.isEmpty() ? List.of() : measures.findByCodes(codes);
        return issue(sanctionCase, facts, NoticeKind.SANCTION_END, plan, named, now);
    }

    /** Who must be told about a listing of this subject type, and of which measures. */
    private Map<String, List<String>> planFor(String subjectType, List<Measure> catalogue) {
        Set<String> partners = departments.findAll().stream().filter(SanctionFanOut::appliesMeasures)
                .map(Department::code).collect(Collectors.toSet());
        return FanOutPlan.departmentsFor(subjectType, catalogue.stream()
                .map(m -> new FanOutPlan.CatalogueEntry(m.code(), m.department(), m.subjectTypes())).toList(), partners);
    }

    /** Departments that apply measures: enabled partners (a measure given to anyone else reaches nobody). */
    private static boolean appliesMeasures(Department department) {
        return department.enabled() && department.roles().contains("PARTNER");
    }

    private SanctionCase openCase(ListingFacts facts, String status, String endCause, Instant now) {
        String related = facts.relatedListingIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        notices.insertCase(new SanctionCase(null, facts.listingId(), facts.subjectType(), facts.subjectKey(),
                facts.subjectName(), facts.subjectCode(), facts.criterionCode(), facts.criterionTitle(),
                facts.decisionNumber(), facts.decidingDepartment(), facts.listedFrom(), facts.listedUntil(),
                related.isEmpty() ? null : related, status, endCause, now, "ENDED".equals(status) ? now : null));
        return notices.findCaseByListingId(facts.listingId()).orElseThrow();
    }

    private List<Notice> issue(SanctionCase sanctionCase, ListingFacts facts, NoticeKind kind,
            Map<String, List<String>> plan, List<Measure> catalogue, Instant now) {
        if (plan.isEmpty()) {
            log.warn("listing {} ({}): no department implements a measure for {}", facts.listingId(), kind,
                    facts.subjectType());
            return List.of();
        }
        Map<String, Measure> byCode = catalogue.stream().collect(Collectors.toMap(Measure::code, Function.identity()));
        Map<String, Department> targets = departments.findByCodes(List.copyOf(plan.keySet())).stream()
                .collect(Collectors.toMap(Department::code, Function.identity()));
        LocalDate issuedOn = LocalDate.ofInstant(now, feedback.zone());
        WorkingDayCalendar calendar = calendars.calendar();
        LocalDate dueOn = deadline.dueFor(issuedOn, calendar);
        if (!calendar.covers(issuedOn, dueOn)) {
            log.warn("listing {}: the feedback period {} to {} runs into a year the holiday calendar does not cover "
                    + "(covered: {}); counted Monday to Friday there", facts.listingId(), issuedOn, dueOn, calendar.years());
        }
        NoticeBody.Listing listing = new NoticeBody.Listing(facts.listingId(), facts.subjectType(), facts.subjectKey(),
                facts.subjectName(), facts.subjectCode(), facts.criterionCode(), facts.criterionTitle(),
                facts.decisionNumber(), facts.decidingDepartment(), facts.listedFrom(), facts.listedUntil(),
                facts.relatedListingIds(), facts.otherListingsInForce());
        List<Notice> issued = new ArrayList<>();
        plan.forEach((departmentCode, measureCodes) -> {
            Department department = targets.get(departmentCode);
            String id = UUID.randomUUID().toString();
            List<NoticeBody.MeasureItem> items = measureCodes.stream().map(byCode::get)
                    .filter(java.util.Objects::nonNull)
                    .map(m -> new NoticeBody.MeasureItem(m.code(), m.title(), m.legalBasis())).toList();
            String body = json.writeValueAsString(new NoticeBody(id, kind.name(), departmentCode, facts.eventId(),
                    facts.cause(), facts.occurredAt(), listing, items, dueOn, now));
            boolean push = department != null && department.pushes();
            issued.add(new Notice(id, sanctionCase.id(), facts.listingId(), departmentCode, kind.name(),
                    facts.eventId(), measureCodes, body, (push ? DeliveryStatus.QUEUED : DeliveryStatus.PULL).name(),
                    0, 0, push ? now : null, null, null, null, null, false, null, null, null, dueOn, null, now));
        });
        notices.insertNotices(issued);
        long queued = issued.stream().filter(n -> DeliveryStatus.QUEUED.name().equals(n.status())).count();
        log.info("listing {} ({} {}): {} notices, {} to push", facts.listingId(), kind, facts.cause(), issued.size(),
                queued);
        if (queued > 0) {
            events.publishEvent(new NoticesQueued((int) queued));
        }
        return issued;
    }
}
