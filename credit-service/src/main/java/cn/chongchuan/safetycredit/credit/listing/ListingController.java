package cn.chongchuan.safetycredit.credit.listing;

import cn.chongchuan.safetycredit.credit.listing.domain.ListingState;
import cn.chongchuan.safetycredit.credit.listing.domain.ServiceMethod;
import cn.chongchuan.safetycredit.credit.subject.PublicName;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.identity.Requester;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** The listing procedure: notice, decision, drop (the imposing department), revocation (credit office). */
@RestController
@Validated
@RequestMapping("/api/v1/listings")
class ListingController {

    private final ListingService listings;
    private final ListingViews views;

    ListingController(ListingService listings, ListingViews views) {
        this.listings = listings;
        this.views = views;
    }

    /** Evidence is a list of document references (file numbers, archive ids), not the documents. */
    /**
     * The notice of intended listing (告知): its date, the day and the way it was served on the party
     * (the defence period runs from that day), the reason, and the evidence it rests on.
     */
    record NoticeRequest(@NotNull LocalDate noticeDate, @NotNull LocalDate servedOn, @NotNull ServiceMethod serviceMethod,
                         @NotBlank @Size(max = 1000) String reason,
                         @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> evidence) {
    }

    /**
     * The decision number is published on the public list, so it follows the published-name rule.
     * A waived defence period needs the reference of the party's written waiver (书面放弃陈述申辩).
     */
    record DecisionRequest(@NotBlank @Size(max = 80) @PublicName String decisionNumber,
                           @NotNull LocalDate decisionDate, Boolean defenceWaived,
                           @Size(max = 200) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String waiverReference,
                           @Size(max = 1000) String reason,
                           @Size(max = 20) List<@NotBlank @Size(max = 200) String> evidence) {
    }

    /** The credit office confirms a notice or decision date more than the configured days in the past. */
    record BackdatingRequest(@NotNull BackdatingConfirmation.Step step, @NotNull LocalDate date,
                             @NotBlank @Size(max = 1000) @Pattern(regexp = "^[^\\p{Cntrl}]*$", message = "must not contain control characters") String reason) {
    }

    record ReasonRequest(@NotBlank @Size(max = 1000) String reason,
                         @Size(max = 20) List<@NotBlank @Size(max = 200) String> evidence) {
    }

    /** An enforcement department sees its own listings; the credit office sees all, optionally by department. */
    @GetMapping
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    List<ListingView> listings(@RequestParam(required = false) ListingState state,
            @RequestParam(required = false) @Size(max = 16) String department,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size, Requester requester) {
        String scope = requester.isCreditOffice() ? department : requester.department();
        return listings.search(scope, state, page, size).stream().map(views::brief).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    ListingView listing(@PathVariable long id, Requester requester) {
        return views.full(listings.visible(id, requester));
    }

    @PostMapping("/{id}/notice")
    @PreAuthorize("hasRole('ENFORCEMENT')")
    ListingView notifyParty(@PathVariable long id, @Valid @RequestBody NoticeRequest request, Requester requester) {
        return views.full(listings.notifyParty(id, request.noticeDate(), request.servedOn(), request.serviceMethod(),
                request.reason(), request.evidence(), requester));
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasRole('ENFORCEMENT')")
    ListingView decideListing(@PathVariable long id, @Valid @RequestBody DecisionRequest request, Requester requester) {
        boolean waived = Boolean.TRUE.equals(request.defenceWaived());
        if (waived && (request.waiverReference() == null || request.waiverReference().isBlank())) {
            throw ApiException.badField("waiverReference", "is required when defenceWaived is true: the reference of "
                    + "the party's written waiver of its right to state its case (书面放弃陈述申辩)");
        }
        return views.full(listings.decideListing(id, request.decisionNumber(), request.decisionDate(),
                waived ? request.waiverReference().strip() : null, request.reason(), request.evidence(), requester));
    }

    /**
     * The credit office confirms that the listing's notice or decision may carry a date more than
     * {@code credit.listing.backdating-confirmation-days} ago; 201 the first time, 200 with the same
     * confirmation when that date is confirmed again.
     */
    @PostMapping("/{id}/backdating-confirmations")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<BackdatingConfirmation> confirmBackdating(@PathVariable long id,
            @Valid @RequestBody BackdatingRequest request, Requester requester) {
        ListingService.Confirmed confirmed = listings.confirmBackdating(id, request.step(), request.date(),
                request.reason(), requester);
        return ResponseEntity.status(confirmed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(confirmed.confirmation());
    }

    @GetMapping("/{id}/backdating-confirmations")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    List<BackdatingConfirmation> backdatings(@PathVariable long id, Requester requester) {
        listings.visible(id, requester);
        return listings.backdatings(id);
    }

    @PostMapping("/{id}/drop")
    @PreAuthorize("hasRole('ENFORCEMENT')")
    ListingView dropListing(@PathVariable long id, @Valid @RequestBody ReasonRequest request, Requester requester) {
        return views.full(listings.dropListing(id, request.reason(), request.evidence(), requester));
    }

    @PostMapping("/{id}/revocation")
    @PreAuthorize("hasRole('ADMIN')")
    ListingView revokeListing(@PathVariable long id, @Valid @RequestBody ReasonRequest request, Requester requester) {
        return views.full(listings.revokeListing(id, request.reason(), request.evidence(), requester));
    }
}
