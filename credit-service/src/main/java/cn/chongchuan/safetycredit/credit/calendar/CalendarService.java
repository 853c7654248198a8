package cn.chongchuan.safetycredit.credit.calendar;

import cn.chongchuan.safetycredit.credit.catalogue.SeedProperties;
import cn.chongchuan.safetycredit.credit.outbox.OutboxWriter;
import cn.chongchuan.safetycredit.platform.calendar.CalendarCoverage;
import cn.chongchuan.safetycredit.platform.calendar.Holiday;
import cn.chongchuan.safetycredit.platform.calendar.HolidayYear;
import cn.chongchuan.safetycredit.platform.calendar.WorkingDayCalendar;
import cn.chongchuan.safetycredit.platform.calendar.boot.HolidaySeedFile;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.problem.FieldError;
import cn.chongchuan.safetycredit.platform.web.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ResourceLoader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The working-day calendar of credit-service: the State Council's arrangements shipped in
 * {@code seeds/holidays.yaml} (read once, at start), overlaid by the years the credit office added
 * or corrected (the {@code calendar_year} table, read at each use, so that every instance counts
 * with a year as soon as one of them has stored it, and after any restart). Adding a year writes,
 * in one transaction, the year, its history row (who, when, why) and the outbox event that takes
 * it to sanction-service.
 */
@Service
public class CalendarService {

    private static final Logger log = LoggerFactory.getLogger(CalendarService.class);
    private static final TypeReference<List<Holiday>> HOLIDAYS = new TypeReference<>() {
    };
    static final String SEED = "SEED";
    static final String ADMIN = "ADMIN";

    private final CalendarMapper mapper;
    private final OutboxWriter outbox;
    private final JsonMapper json;
    private final CalendarProperties properties;
    private final Clock clock;
    private final Map<Integer, HolidayYear> seeded;

    CalendarService(CalendarMapper mapper, OutboxWriter outbox, JsonMapper json, CalendarProperties properties,
            SeedProperties seeds, ResourceLoader resources, Clock clock) {
        this.mapper = mapper;
        this.outbox = outbox;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        // Read while the context starts, before the service takes a request: a bad file stops the start.
        this.seeded = HolidaySeedFile.read(resources.getResource(seeds.location() + "holidays.yaml")).stream()
                .collect(Collectors.toUnmodifiableMap(HolidayYear::year, Function.identity()));
    }

    /** The outcome of setting a year: the year as now stored, and whether it was new. */
    public record YearSet(CalendarYearView year, boolean added) {
    }

    /** The calendar to count working days with now: the seed file's years, overlaid by the stored ones. */
    public WorkingDayCalendar calendar() {
        return WorkingDayCalendar.of(arrangements().values());
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(properties.zone()));
    }

    /** Which years the calendar covers, seen from today in the district's zone. */
    public CalendarCoverage coverage() {
        return calendar().coverage(today());
    }

    @EventListener(ApplicationReadyEvent.class)
    void warnAtStart() {
        warnIfIncomplete();
    }

    /** Logs a warning when this year or the next is missing; the service works on either way. */
    public Optional<String> warnIfIncomplete() {
        CalendarCoverage coverage = coverage();
        coverage.warning().ifPresentOrElse(warning -> log.warn("{} (covered: {})", warning, coverage.years()),
                () -> log.info("holiday calendar covers {}", coverage.years()));
        return coverage.warning();
    }

    public CalendarOverview overview() {
        Map<Integer, YearRowOrSeed> years = years();
        CalendarCoverage coverage = WorkingDayCalendar.of(years.values().stream().map(YearRowOrSeed::arrangement)
                .toList()).coverage(today());
        List<CalendarOverview.YearSummary> summaries = years.values().stream()
                .map(y -> new CalendarOverview.YearSummary(y.arrangement().year(), y.arrangement().source(), y.origin(),
                        y.revision(), y.arrangement().holidays().size(), y.arrangement().daysOff().size(),
                        y.arrangement().workingWeekendDays().size()))
                .toList();
        return new CalendarOverview(properties.zone().getId(), today(), List.copyOf(coverage.years()),
                coverage.missingYears(), coverage.warning().orElse(null), summaries);
    }

    public CalendarYearView year(int year) {
        Optional<CalendarMapper.YearRow> stored = mapper.findYear(year);
        if (stored.isEmpty() && !seeded.containsKey(year)) {
            throw ApiException.notFound("holiday arrangement for " + year + " in the calendar");
        }
        return view(year, stored);
    }

    /**
     * Adds a year the calendar does not cover, or, with a reason, replaces the arrangement it holds
     * (the seed file's or an earlier one): the one way to change the calendar. A year it already
     * covers, without a reason, is refused (409), so that a second entry never silently replaces the
     * first.
     */
    @Transactional
    public YearSet setYear(Integer year, String source, List<Holiday> holidays, String correctionReason, Caller caller) {
        HolidayYear arrangement = HolidayYear.of(year, source, holidays);
        String reason = correctionReason == null || correctionReason.isBlank() ? null : correctionReason.strip();
        if (reason != null && reason.length() > 500) {
            throw ApiException.badField("correctionReason", "is longer than 500 characters");
        }
        Optional<CalendarMapper.YearRow> stored = mapper.lockYear(arrangement.year());
        Optional<HolidayYear> current = stored.map(this::arrangementOf)
                .or(() -> Optional.ofNullable(seeded.get(arrangement.year())));
        if (current.isPresent() && reason == null) {
            String origin = stored.isPresent() ? "added by the credit office (revision " + stored.get().revision() + ")"
                    : "from the seed file";
            throw new ApiException(HttpStatus.CONFLICT, "calendar-year-exists", "Year already in the calendar",
                    "the calendar already holds " + arrangement.year() + ", " + origin + ", after "
                            + current.get().source() + "; to replace it, send the same request with a correctionReason")
                    .with("errors", List.of(new FieldError("year", "is already in the calendar; a correctionReason "
                            + "is needed to replace it")))
                    .with("existingSource", current.get().source());
        }
        if (current.isEmpty() && reason != null) {
            throw ApiException.badField("correctionReason", "corrects nothing: the calendar does not hold "
                    + arrangement.year() + " yet (leave it out to add the year)");
        }
        int revision = stored.map(r -> r.revision() + 1).orElse(1);
        String holidaysJson = json.writeValueAsString(arrangement.holidays());
        CalendarMapper.YearRow row = new CalendarMapper.YearRow(arrangement.year(), revision, arrangement.source(),
                holidaysJson, caller.department(), clock.instant());
        if (stored.isPresent()) {
            if (mapper.updateYear(row, stored.get().revision()) == 0) {
                throw changedMeanwhile(arrangement.year());
            }
        } else {
            try {
                mapper.insertYear(row);
            } catch (DuplicateKeyException e) {
                throw changedMeanwhile(arrangement.year());
            }
        }
        mapper.insertHistory(new CalendarMapper.HistoryRow(null, arrangement.year(), revision,
                current.isPresent() ? "CORRECTED" : "ADDED", arrangement.source(), holidaysJson,
                current.map(HolidayYear::source).orElse(null),
                current.map(c -> json.writeValueAsString(c.holidays())).orElse(null), reason, caller.department(),
                ADMIN, clock.instant()));
        outbox.append("CALENDAR:" + arrangement.year(), CalendarYearSet.TYPE, new CalendarYearSet(null,
                CalendarYearSet.TYPE, clock.instant(), arrangement.year(), revision, arrangement.source(),
                arrangement.holidays(), caller.department(), reason));
        log.info("holiday calendar: {} {} by {} (revision {}, {})", arrangement.year(),
                current.isPresent() ? "corrected" : "added", caller.department(), revision, arrangement.source());
        return new YearSet(view(arrangement.year(), Optional.of(row)), current.isEmpty());
    }

    private static ApiException changedMeanwhile(int year) {
        return new ApiException(HttpStatus.CONFLICT, "concurrent-change", "Changed meanwhile",
                "the year " + year + " was set by someone else meanwhile; read it and try again");
    }

    private CalendarYearView view(int year, Optional<CalendarMapper.YearRow> stored) {
        List<CalendarYearView.HistoryEntry> history = mapper.findHistory(year).stream()
                .map(h -> new CalendarYearView.HistoryEntry(h.revision(), h.kind(), h.source(), h.replacedSource(),
                        h.reason(), h.actorDepartment(), h.actorRole(), h.setAt()))
                .toList();
        if (stored.isPresent()) {
            CalendarMapper.YearRow row = stored.get();
            return new CalendarYearView(year, row.source(), ADMIN, row.revision(), row.setByDepartment(), row.setAt(),
                    arrangementOf(row).holidays(), history);
        }
        HolidayYear seed = seeded.get(year);
        return new CalendarYearView(year, seed.source(), SEED, null, null, null, seed.holidays(), history);
    }

    private Map<Integer, HolidayYear> arrangements() {
        Map<Integer, HolidayYear> years = new TreeMap<>(seeded);
        mapper.findYears().forEach(row -> years.put(row.year(), arrangementOf(row)));
        return years;
    }

    private Map<Integer, YearRowOrSeed> years() {
        Map<Integer, YearRowOrSeed> years = new TreeMap<>();
        seeded.values().forEach(y -> years.put(y.year(), new YearRowOrSeed(y, SEED, null)));
        mapper.findYears().forEach(row -> years.put(row.year(), new YearRowOrSeed(arrangementOf(row), ADMIN,
                row.revision())));
        return years;
    }

    private record YearRowOrSeed(HolidayYear arrangement, String origin, Integer revision) {
    }

    private HolidayYear arrangementOf(CalendarMapper.YearRow row) {
        return new HolidayYear(row.year(), row.source(), json.readValue(row.holidays(), HOLIDAYS));
    }
}
