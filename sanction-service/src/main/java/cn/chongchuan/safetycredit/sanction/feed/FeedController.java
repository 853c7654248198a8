package cn.chongchuan.safetycredit.sanction.feed;

import cn.chongchuan.safetycredit.platform.web.Caller;
import cn.chongchuan.safetycredit.platform.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** A department's pull feed of notices: read by cursor (optionally waiting), acknowledge by cursor. */
@RestController
@RequestMapping("/api/v1/notices/feed")
class FeedController {

    /** A cursor as the feed gives it out: a notice's number in its department's feed, or 0 (before the first). */
    static final String CURSOR = "0|[1-9][0-9]{0,17}";
    static final String CURSOR_REASON = "must be a cursor of the feed (\"0\" or a nextCursor it gave)";

    private final NoticeFeed feed;

    FeedController(NoticeFeed feed) {
        this.feed = feed;
    }

    /**
     * The notices after {@code after} (without it: after the department's acknowledged cursor). With
     * {@code wait} and nothing to give, answers as soon as a notice arrives or after that many seconds.
     * ADMIN may read any department's feed ({@code department}); a PARTNER only its own.
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('PARTNER', 'ADMIN')")
    FeedPage read(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) @Pattern(regexp = CURSOR, message = CURSOR_REASON) String after,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_-]{1,31}",
                    message = "must be a department code") String department,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(name = "wait", defaultValue = "0") @Min(0) @Max(NoticeFeed.MAX_WAIT_SECONDS) int wait) {
        return feed.read(Caller.of(jwt), department, after, limit, wait);
    }

    /** "Everything up to and including this cursor is in our system": only the department itself. */
    @PostMapping("/ack")
    @PreAuthorize("hasRole('PARTNER')")
    FeedAckView acknowledge(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody FeedAckRequest request) {
        return feed.acknowledge(Caller.of(jwt), request.cursor());
    }

    /** ADMIN: who read or acknowledged which part of a department's feed (all departments without one), newest first. */
    @GetMapping("/access")
    @PreAuthorize("hasRole('ADMIN')")
    List<FeedAccess> access(@RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_-]{1,31}",
                    message = "must be a department code") String department,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(required = false) @Min(1) @Max(1000) Integer size,
            @RequestParam(required = false) @Min(1) @Max(1000) Integer limit) {
        return feed.access(department, page, Paging.size(size, limit, 200));
    }
}
