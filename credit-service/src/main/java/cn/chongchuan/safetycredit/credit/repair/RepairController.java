package cn.chongchuan.safetycredit.credit.repair;

import cn.chongchuan.safetycredit.platform.identity.Requester;
import cn.chongchuan.safetycredit.platform.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

/** Credit repair applications: filed for a listing, decided by the credit office. */
@RestController
@Validated
class RepairController {

    private final RepairService repairs;

    RepairController(RepairService repairs) {
        this.repairs = repairs;
    }

    record ApplyRequest(@NotNull @Valid RepairService.Conditions conditions,
                        @Size(max = 20) List<@NotBlank @Size(max = 200) String> evidence) {
    }

    record DecisionRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/api/v1/listings/{listingId}/repairs")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    RepairApplication applyForRepair(@PathVariable long listingId, @Valid @RequestBody ApplyRequest request, Requester requester) {
        return repairs.applyForRepair(listingId, request.conditions(), request.evidence(), requester);
    }

    /** The credit office's queue, oldest first; {@code limit} is the older name of {@code size} (see {@link Paging}). */
    @GetMapping("/api/v1/repairs")
    @PreAuthorize("hasRole('ADMIN')")
    List<RepairApplication> queue(@RequestParam(defaultValue = "PENDING") @Pattern(regexp = "PENDING|APPROVED|REJECTED|REVOKED") String state,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(required = false) @Min(1) @Max(500) Integer size,
            @RequestParam(required = false) @Min(1) @Max(500) Integer limit) {
        return repairs.queue(RepairApplication.State.valueOf(state), page, Paging.size(size, limit, 100));
    }

    @PostMapping("/api/v1/repairs/{id}/approval")
    @PreAuthorize("hasRole('ADMIN')")
    RepairApplication approveRepair(@PathVariable long id, @Valid @RequestBody DecisionRequest request, Requester requester) {
        return repairs.approveRepair(id, request.reason(), requester);
    }

    @PostMapping("/api/v1/repairs/{id}/rejection")
    @PreAuthorize("hasRole('ADMIN')")
    RepairApplication rejectRepair(@PathVariable long id, @Valid @RequestBody DecisionRequest request, Requester requester) {
        return repairs.rejectRepair(id, request.reason(), requester);
    }

    @PostMapping("/api/v1/repairs/{id}/revocation")
    @PreAuthorize("hasRole('ADMIN')")
    RepairApplication revokeRepair(@PathVariable long id, @Valid @RequestBody DecisionRequest request, Requester requester) {
        return repairs.revokeRepair(id, request.reason(), requester);
    }
}
