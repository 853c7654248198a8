package cn.chongchuan.safetycredit.credit.calendar;

import cn.chongchuan.safetycredit.platform.calendar.Holiday;
import cn.chongchuan.safetycredit.platform.web.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/**
 * The holiday calendar both services count working days with. Any department reads it; only the
 * credit office (ADMIN) adds a year, or corrects one with a reason. This is the one way to change
 * it: sanction-service receives every change from here (outbox event CALENDAR_YEAR_SET).
 */
@RestController
class CalendarController {

    private final CalendarService calendar;

    CalendarController(CalendarService calendar) {
        this.calendar = calendar;
    }

    /**
     * A year's arrangement as the State Council's notice states it. The rules (year, days inside it,
     * working days on weekends only, no day both off and worked …) are the calendar's own, checked
     * by the service, which names every field at fault.
     *
     * @param correctionReason why a year the calendar already holds is replaced; without one such a
     *                         year is refused (409)
     */
    record YearRequest(Integer year, String source, List<Holiday> holidays, String correctionReason) {
    }

    @GetMapping("/api/v1/calendar/years")
    @PreAuthorize("isAuthenticated()")
    CalendarOverview overview() {
        return calendar.overview();
    }

    @GetMapping("/api/v1/calendar/years/{year}")
    @PreAuthorize("isAuthenticated()")
    CalendarYearView year(@PathVariable int year) {
        return calendar.year(year);
    }

    /** 201 with the year when it was added, 200 when it replaced the arrangement held (a correction). */
    @PostMapping("/api/v1/calendar/years")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<CalendarYearView> setYear(@RequestBody YearRequest request, Caller caller) {
        CalendarService.YearSet set = calendar.setYear(request.year(), request.source(), request.holidays(),
                request.correctionReason(), caller);
        if (set.added()) {
            return ResponseEntity.created(URI.create("/api/v1/calendar/years/" + set.year().year())).body(set.year());
        }
        return ResponseEntity.ok(set.year());
    }
}
