package cn.chongchuan.safetycredit.credit.violation;

import cn.chongchuan.safetycredit.credit.violation.ViolationRequests.CorrectViolation;
import cn.chongchuan.safetycredit.credit.violation.ViolationRequests.RecordViolation;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.web.Caller;
import jakarta.validation.Valid;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/** Penalty decisions recorded by enforcement departments. */
@RestController
@RequestMapping("/api/v1/violations")
class ViolationController {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final ViolationService violations;
    private final JsonMapper json;

    ViolationController(ViolationService violations, JsonMapper json) {
        this.violations = violations;
        this.json = json;
    }

    /** Records a violation; with an Idempotency-Key, a retry returns the original record and creates nothing. */
    @PostMapping
    @PreAuthorize("hasRole('ENFORCEMENT')")
    ResponseEntity<ViolationView> recordViolation(@Valid @RequestBody RecordViolation request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, Caller caller) {
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ApiException.badField("Idempotency-Key", "must be 1–100 letters, digits or . _ : -");
        }
        String requestHash = sha256(json.writeValueAsString(request));
        Optional<ViolationService.Recorded> replay = violations.replayOf(caller.department(), idempotencyKey, requestHash);
        if (replay.isPresent()) {
            return replayed(replay.get(), caller);
        }
        ViolationService.Recorded recorded;
        try {
            recorded = violations.recordViolation(request, caller, idempotencyKey, requestHash);
        } catch (DuplicateKeyException e) {
            // A concurrent request with the same key (or case number) committed first.
            replay = violations.replayOf(caller.department(), idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replayed(replay.get(), caller);
            }
            throw new ApiException(HttpStatus.CONFLICT, "duplicate-case-number", "Duplicate case number",
                    "case number " + request.caseNumber().strip() + " is already recorded by " + caller.department());
        }
        return ResponseEntity.created(URI.create("/api/v1/violations/" + recorded.violationId()))
                .body(violations.view(recorded.violationId(), caller));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    ViolationView violation(@PathVariable long id, Caller caller) {
        return violations.view(id, caller);
    }

    /** A correction creates a new version; the earlier ones stay readable in {@code versions}. */
    @PostMapping("/{id}/corrections")
    @PreAuthorize("hasRole('ENFORCEMENT')")
    ViolationView correctViolation(@PathVariable long id, @Valid @RequestBody CorrectViolation request, Caller caller) {
        violations.correctViolation(id, request, caller);
        return violations.view(id, caller);
    }

    private ResponseEntity<ViolationView> replayed(ViolationService.Recorded recorded, Caller caller) {
        return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(violations.view(recorded.violationId(), caller));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
