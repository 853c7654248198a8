package cn.chongchuan.safetycredit.sanction.feedback;

import cn.chongchuan.safetycredit.platform.web.Caller;
import cn.chongchuan.safetycredit.platform.web.Paging;
import cn.chongchuan.safetycredit.sanction.support.PathParameters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Notices as departments answer them: inbox, acknowledgement, feedback; and ADMIN's follow-up lists. */
@RestController
@RequestMapping("/api/v1/notices")
class NoticeController {

    static final String NOTICE_ID = PathParameters.NOTICE_ID;

    private final NoticeResponses responses;

    NoticeController(NoticeResponses responses) {
        this.responses = responses;
    }

    /** A department's inbox; ADMIN may name any department. */
    @GetMapping
    @PreAuthorize("hasAnyRole('PARTNER', 'ADMIN')")
    List<NoticeView> inbox(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) @Pattern(regexp = "NEW|ACKNOWLEDGED|ANSWERED",
                    message = "must be NEW, ACKNOWLEDGED or ANSWERED") String status,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_-]{1,31}",
                    message = "must be a department code") String department,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(required = false) @Min(1) @Max(500) Integer size,
            @RequestParam(required = false) @Min(1) @Max(500) Integer limit) {
        return responses.inbox(Caller.of(jwt), department, status, page, Paging.size(size, limit, 100));
    }

    @GetMapping("/overdue")
    @PreAuthorize("hasRole('ADMIN')")
    List<NoticeView> overdue(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(required = false) @Min(1) @Max(1000) Integer size,
            @RequestParam(required = false) @Min(1) @Max(1000) Integer limit) {
        return responses.overdueFeedback(page, Paging.size(size, limit, 200));
    }

    @GetMapping("/flagged")
    @PreAuthorize("hasRole('ADMIN')")
    List<NoticeView> flagged(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(required = false) @Min(1) @Max(1000) Integer size,
            @RequestParam(required = false) @Min(1) @Max(1000) Integer limit) {
        return responses.flaggedNotices(page, Paging.size(size, limit, 200));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('PARTNER', 'ADMIN')")
    NoticeView get(@AuthenticationPrincipal Jwt jwt,
            @PathVariable @Pattern(regexp = NOTICE_ID, message = "must be a notice id") String id) {
        return responses.describeNotice(Caller.of(jwt), id);
    }

    @PostMapping("/{id}/ack")
    @PreAuthorize("hasRole('PARTNER')")
    NoticeView acknowledge(@AuthenticationPrincipal Jwt jwt,
            @PathVariable @Pattern(regexp = NOTICE_ID, message = "must be a notice id") String id) {
        return responses.acknowledgeNotice(Caller.of(jwt), id);
    }

    @PostMapping("/{id}/feedback")
    @PreAuthorize("hasRole('PARTNER')")
    NoticeView feedback(@AuthenticationPrincipal Jwt jwt, @PathVariable String id,
            @Valid @RequestBody FeedbackRequest request) {
        PathParameters.require("id", id, NOTICE_ID, "must be a notice id");
        return responses.reportFeedback(Caller.of(jwt), id, request);
    }
}
