package cn.chongchuan.safetycredit.credit.changes;

import cn.chongchuan.safetycredit.platform.web.Caller;
import cn.chongchuan.safetycredit.platform.web.Page;
import cn.chongchuan.safetycredit.platform.web.RequestIdFilter;
import com.fasterxml.jackson.annotation.JsonFormat;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The changes feed for approval systems (re-screening what they approved), their watch
 * registrations, and the audit of feed reads (credit office). A person's ID number goes only into
 * a request body (a watch's {@code code}); the feed and the watches show persons by keyed hash.
 */
@RestController
@Validated
class ChangesController {

    /** Letters, digits and a few separators: a reference is shown in the feed and is a URL path segment. */
    static final String REFERENCE = "[\\p{L}\\p{N}][\\p{L}\\p{N}._:\\-〔〕（）()]{0,63}";
    private static final String REFERENCE_RULE = "must be 1 to 64 letters, digits or ._:-〔〕（）(), starting with a letter or digit";

    private final ChangeFeedService feed;
    private final WatchService watches;

    ChangesController(ChangeFeedService feed, WatchService watches) {
        this.feed = feed;
        this.watches = watches;
    }

    /** A watch to register: the approval system's own reference and the subject's USCC or ID number. */
    record WatchRequest(@NotBlank @Pattern(regexp = REFERENCE, message = REFERENCE_RULE) String reference,
            @NotBlank @Size(max = 40) String code, String subjectType) {
    }

    record FeedRead(String department, String callerRoles, String requestId,
            @JsonFormat(shape = JsonFormat.Shape.STRING) long after,
            @JsonFormat(shape = JsonFormat.Shape.STRING) long nextCursor,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Long firstCursor,
            @JsonFormat(shape = JsonFormat.Shape.STRING) Long lastCursor, int count, boolean watchedOnly, Instant readAt) {
    }

    @GetMapping("/api/v1/changes")
    @PreAuthorize("hasAnyRole('APPROVAL', 'ADMIN')")
    ChangeFeed changes(@RequestParam(defaultValue = "0") @Min(0) long after,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
            @RequestParam(defaultValue = "false") boolean watched, Caller caller, HttpServletRequest request) {
        return feed.changesAfter(after, limit, watched, caller, (String) request.getAttribute(RequestIdFilter.MDC_KEY));
    }

    @PostMapping("/api/v1/changes/watches")
    @PreAuthorize("hasRole('APPROVAL')")
    ResponseEntity<WatchService.Watch> register(@Valid @RequestBody WatchRequest body, Caller caller) {
        WatchService.Registered registered = watches.register(body.reference(), body.code(), body.subjectType(), caller);
        return ResponseEntity.status(registered.created() ? HttpStatus.CREATED : HttpStatus.OK).body(registered.watch());
    }

    @DeleteMapping("/api/v1/changes/watches/{reference}")
    @PreAuthorize("hasRole('APPROVAL')")
    ResponseEntity<Void> remove(@PathVariable @Pattern(regexp = REFERENCE, message = REFERENCE_RULE) String reference,
            Caller caller) {
        watches.remove(reference, caller);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/changes/watches")
    @PreAuthorize("hasRole('APPROVAL')")
    Page<WatchService.Watch> watches(@RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        return watches.watches(caller, page, size);
    }

    /** Who read the feed, which cursor range, how many items, when: newest first. */
    @GetMapping("/api/v1/changes/reads")
    @PreAuthorize("hasRole('ADMIN')")
    Page<FeedRead> reads(@RequestParam(required = false) @Size(max = 32) String department,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        List<FeedRead> items = feed.reads(department, page, size).stream()
                .map(r -> new FeedRead(r.departmentCode(), r.callerRoles(), r.requestId(), r.afterSeq(), r.nextSeq(),
                        r.firstSeq(), r.lastSeq(), r.itemCount(), r.watchedOnly(), r.readAt()))
                .toList();
        return Page.uncounted(items, page, size);
    }
}
