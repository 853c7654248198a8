package cn.chongchuan.safetycredit.sanction.inbox;

import cn.chongchuan.safetycredit.sanction.notice.ListingEvent;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Where credit-service delivers listing events (service tokens only; the gateway never routes /internal). */
@RestController
class ListingEventController {

    private final ListingEventIntake intake;

    ListingEventController(ListingEventIntake intake) {
        this.intake = intake;
    }

    /** 202 for a new event, 200 for one already received: both mean delivered. */
    @PostMapping("/internal/v1/listing-events")
    @PreAuthorize("hasRole('SERVICE')")
    ResponseEntity<Receipt> receive(@Valid @RequestBody ListingEvent event) {
        ListingEventIntake.Receipt receipt = intake.receiveListingEvent(event);
        HttpStatus status = receipt == ListingEventIntake.Receipt.ACCEPTED ? HttpStatus.ACCEPTED : HttpStatus.OK;
        return ResponseEntity.status(status).body(new Receipt(event.eventId(), receipt.name()));
    }

    /** The answer body: which event, and whether it was new. */
    record Receipt(String eventId, String result) {
    }
}
