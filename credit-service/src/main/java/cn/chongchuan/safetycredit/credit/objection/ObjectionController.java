package cn.chongchuan.safetycredit.credit.objection;

import cn.chongchuan.safetycredit.platform.identity.Requester;
import cn.chongchuan.safetycredit.platform.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Objections against listings and their answers. */
@RestController
@Validated
class ObjectionController {

    private final ObjectionService objections;

    ObjectionController(ObjectionService objections) {
        this.objections = objections;
    }

    record FileRequest(@NotBlank @Size(max = 120) @Pattern(regexp = "^[^\\p{Cntrl}]*$") String filedBy,
                       @NotBlank @Size(max = 2000) String content) {
    }

    record AnswerRequest(@NotBlank @Size(max = 2000) String answer,
                         @NotBlank @Pattern(regexp = "UPHELD|REJECTED", message = "must be UPHELD or REJECTED") String outcome) {
    }

    @PostMapping("/api/v1/listings/{listingId}/objections")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    Objection fileObjection(@PathVariable long listingId, @Valid @RequestBody FileRequest request, Requester requester) {
        return objections.fileObjection(listingId, request.filedBy(), request.content(), requester);
    }

    @GetMapping("/api/v1/listings/{listingId}/objections")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    List<ObjectionService.ObjectionView> ofListing(@PathVariable long listingId, Requester requester) {
        return objections.ofListing(listingId, requester);
    }

    /** Unanswered objections, the most urgent first, with an overdue flag; {@code limit} is the older name of {@code size}. */
    @GetMapping("/api/v1/objections")
    @PreAuthorize("hasRole('ADMIN')")
    List<ObjectionService.ObjectionView> open(
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(required = false) @Min(1) @Max(500) Integer size,
            @RequestParam(required = false) @Min(1) @Max(500) Integer limit) {
        return objections.open(page, Paging.size(size, limit, 100));
    }

    @PostMapping("/api/v1/objections/{id}/answer")
    @PreAuthorize("hasRole('ADMIN')")
    Objection answerObjection(@PathVariable long id, @Valid @RequestBody AnswerRequest request, Requester requester) {
        return objections.answerObjection(id, request.answer(), request.outcome(), requester);
    }
}
