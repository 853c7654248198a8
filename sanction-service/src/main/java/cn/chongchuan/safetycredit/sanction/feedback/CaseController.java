package cn.chongchuan.safetycredit.sanction.feedback;

import jakarta.validation.constraints.Positive;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The overview of one listing's sanction case: per department, delivered, acknowledged, fed back. */
@RestController
class CaseController {

    private final NoticeResponses responses;

    CaseController(NoticeResponses responses) {
        this.responses = responses;
    }

    @GetMapping("/api/v1/cases/{listingId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENFORCEMENT')")
    CaseView get(@PathVariable @Positive long listingId) {
        return responses.describeCase(listingId);
    }
}
