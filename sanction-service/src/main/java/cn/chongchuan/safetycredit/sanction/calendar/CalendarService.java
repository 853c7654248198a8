package cn.chongchuan.safetycredit.sanction.calendar;

import cn.chongchuan.safetycredit.platform.calendar.CalendarCoverage;
import cn.chongchuan.safetycredit.platform.calendar.Holiday;
import cn.chongchuan.safetycredit.platform.calendar.HolidayYear;
import cn.chongchuan.safetycredit.platform.calendar.WorkingDayCalendar;
import cn.chongchuan.safetycredit.platform.calendar.boot.HolidaySeedFile;
import cn.chongchuan.safetycredit.sanction.calendar.internal.CalendarMapper;
import cn.chongchuan.safetycredit.sanction.seed.SeedProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The working-day calendar of sanction-service: the same seed file as credit-service's
 * ({@code seeds/holidays.yaml}, read at start), overlaid by the years the credit office added or
 * corrected there, which arrive through credit-service's outbox and are kept in
 * {@code calendar_year} (read at each use, so every instance counts with them, after any restart).
 */
@Service
public class CalendarService {

    private static final Logger log = LoggerFactory.getLogger(CalendarService.class);
    private static final TypeReference<List<Holiday>> HOLIDAYS = new TypeReference<>() {
    };

    private final CalendarMapper mapper;
    private final JsonMapper json;
    private final CalendarProperties properties;
    private final Clock clock;
    private final Map<Integer, HolidayYear> seeded;

    CalendarService(CalendarMapper mapper, JsonMapper json, CalendarProperties properties, SeedProperties seeds,
            ResourceLoader resources, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        // Read while the context starts, before any event is taken in: a bad file stops the start.
        this.seeded = HolidaySeedFile.read(resources.getResource(seeds.holidays())).stream()
                .collect(Collectors.toUnmodifiableMap(HolidayYear::year, Function.identity()));
    }

    /** The calendar to count working days with now: the seed file's years, overlaid by the received ones. */
    public WorkingDayCalendar calendar() {
        Map<Integer, HolidayYear> years = new TreeMap<>(seeded);
        mapper.findYears().forEach(row -> years.put(row.year(), new HolidayYear(row.year(), row.source(),
                json.readValue(row.holidays(), HOLIDAYS))));
        return WorkingDayCalendar.of(years.values());
    }

    /** Which years the calendar covers, seen from today in the district's zone. */
    public CalendarCoverage coverage() {
        return calendar().coverage(LocalDate.ofInstant(clock.instant(), properties.zone()));
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

    /**
     * Keeps a year credit-service sent, unless a newer revision of it is already here (an older
     * event redelivered late). Runs in the caller's transaction, with the event's dedup row.
     *
     * @return whether the year was stored
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean storeYear(HolidayYear arrangement, int revision, String eventId, String setBy, Instant setAt) {
        Optional<CalendarMapper.YearRow> stored = mapper.lockYear(arrangement.year());
        if (stored.isPresent() && stored.get().revision() >= revision) {
            log.info("holiday calendar: {} revision {} ignored, revision {} is already here", arrangement.year(),
                    revision, stored.get().revision());
            return false;
        }
        CalendarMapper.YearRow row = new CalendarMapper.YearRow(arrangement.year(), revision, arrangement.source(),
                json.writeValueAsString(arrangement.holidays()), setBy, setAt, eventId, clock.instant());
        if (stored.isPresent()) {
            mapper.updateYear(row);
        } else {
            mapper.insertYear(row);
        }
        log.info("holiday calendar: {} revision {} ({}) from credit-service, set by {}", arrangement.year(), revision,
                arrangement.source(), setBy);
        return true;
    }
}
