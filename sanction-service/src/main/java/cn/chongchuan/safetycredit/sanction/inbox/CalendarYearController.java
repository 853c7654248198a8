package cn.chongchuan.safetycredit.sanction.inbox;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Where credit-service delivers the years of the holiday calendar (service tokens only; never routed by the gateway). */
@RestController
class CalendarYearController {

    private final CalendarYearIntake intake;

    CalendarYearController(CalendarYearIntake intake) {
        this.intake = intake;
    }

    /** 202 for a new event, 200 for one already received: both mean delivered. */
    @PostMapping("/internal/v1/calendar-years")
    @PreAuthorize("hasRole('SERVICE')")
    ResponseEntity<ListingEventController.Receipt> receive(@Valid @RequestBody CalendarYearEvent event) {
        ListingEventIntake.Receipt receipt = intake.receiveCalendarYear(event);
        HttpStatus status = receipt == ListingEventIntake.Receipt.ACCEPTED ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).body(new ListingEventController.Receipt(event.eventId(), receipt.name()));
    }
}
