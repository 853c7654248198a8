package cn.chongchuan.safetycredit.sanction.feedback;

import cn.chongchuan.safetycredit.platform.web.Caller;
import jakarta.validation.constraints.Positive;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The overview of one listing's sanction case: per department, delivered, acknowledged, fed back.
 * ADMIN and the department that decided the listing see every department; any other enforcement
 * department only its own notices in the case (404 when it has none).
 */
@RestController
class CaseController {

    private final NoticeResponses responses;

    CaseController(NoticeResponses responses) {
        this.responses = responses;
    }

    @GetMapping("/api/v1/cases/{listingId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ENFORCEMENT')")
    CaseView get(@AuthenticationPrincipal Jwt jwt, @PathVariable @Positive long listingId) {
        return responses.describeCase(Caller.of(jwt), listingId);
    }
}
