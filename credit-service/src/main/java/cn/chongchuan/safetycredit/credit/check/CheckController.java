package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.audit.CheckAuditRow;
import cn.chongchuan.safetycredit.credit.check.domain.CheckCode;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.web.Caller;
import cn.chongchuan.safetycredit.platform.web.Page;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The licensing check (approval departments, and the credit office): one code, a batch, the stored
 * receipts, the audit (credit office only) and the public key that verifies receipts.
 *
 * <p>A person's ID number in a URL path ends up in proxy and access logs: persons are checked with
 * the code in a POST body ({@code POST /api/v1/checks/single}, or a batch), and the GET refuses a
 * code that would be read as an ID number.
 */
@RestController
@Validated
class CheckController {

    private final CheckService checks;
    private final CheckReceipts receipts;
    private final CheckProperties properties;

    CheckController(CheckService checks, CheckReceipts receipts, CheckProperties properties) {
        this.checks = checks;
        this.receipts = receipts;
        this.properties = properties;
    }

    /** Codes to check (USCCs and/or ID numbers); subjectType settles codes that could be either. */
    record BatchRequest(@NotEmpty List<String> codes, String subjectType, Instant asOf) {
    }

    /** One code to check, in the body so that an ID number never appears in a URL. */
    record SingleRequest(@NotBlank @Size(max = 40) String code, String subjectType, Instant asOf) {
    }

    record BatchResponse(int requested, List<CheckAnswer> results) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ReceiptView(String receiptId, String department, String subjectKey, String status, Instant asOf,
            Instant checkedAt, String keyId, String algorithm, String signature, String signedText,
            String batchStatement, List<String> proof) {

        static ReceiptView of(CheckAuditRow row) {
            boolean tree = row.batchStatement() != null;
            return new ReceiptView(row.receiptId(), row.departmentCode(), row.subjectKey(), row.status(), row.asOf(),
                    row.checkedAt(), row.keyId(), tree ? CheckAnswer.Receipt.TREE : CheckAnswer.Receipt.SINGLE,
                    row.signature(), row.canonical(), row.batchStatement(),
                    tree ? (row.proof() == null || row.proof().isEmpty() ? List.of() : List.of(row.proof().split(","))) : null);
        }
    }

    record AuditEntry(String receiptId, String department, String subjectKey, String status, String source,
            Instant asOf, Instant checkedAt) {
    }

    /** The audit filters in a body, so that a person's ID number never appears in a URL. */
    record AuditQuery(@Size(max = 32) String department, @Size(max = 40) String code, Instant from, Instant to,
            @Min(0) @Max(100_000) Integer page, @Min(1) @Max(500) Integer size) {
    }

    record SigningKey(String keyId, String algorithm, String publicKeyPem, String publicKeyBase64) {
    }

    @GetMapping("/api/v1/checks/{code}")
    @PreAuthorize("hasAnyRole('APPROVAL', 'ADMIN')")
    CheckAnswer checkOne(@PathVariable @Size(max = 40) String code,
            @RequestParam(required = false) Instant asOf,
            @RequestParam(required = false) String subjectType, Caller caller) {
        if (CheckCode.belongsInBody(code, subjectType)) {
            throw ApiException.badField("code", "is a personal ID number, which must not appear in a URL: check it with "
                    + "POST /api/v1/checks/single and the code in the body");
        }
        return single(code, subjectType, asOf, caller);
    }

    /** The same answer as the GET, for any code; the way to check a person. */
    @PostMapping("/api/v1/checks/single")
    @PreAuthorize("hasAnyRole('APPROVAL', 'ADMIN')")
    CheckAnswer checkSingle(@Valid @RequestBody SingleRequest request, Caller caller) {
        return single(request.code(), request.subjectType(), request.asOf(), caller);
    }

    private CheckAnswer single(String code, String subjectType, Instant asOf, Caller caller) {
        CheckService.Outcome outcome = checks.check(List.of(code), subjectType, asOf, caller, false);
        if (outcome.unavailable()) {
            throw new CheckUnavailableException(properties.retryAfter(), null);
        }
        return outcome.results().getFirst();
    }

    @PostMapping("/api/v1/checks")
    @PreAuthorize("hasAnyRole('APPROVAL', 'ADMIN')")
    ResponseEntity<BatchResponse> checkBatch(@Valid @RequestBody BatchRequest request, Caller caller) {
        if (request.codes().size() > properties.maxBatch()) {
            throw ApiException.badField("codes", "holds " + request.codes().size() + " codes; at most "
                    + properties.maxBatch() + " per request");
        }
        CheckService.Outcome outcome = checks.check(request.codes(), request.subjectType(), request.asOf(), caller, true);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (outcome.unavailable()) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfter().toSeconds()));
        }
        return response.body(new BatchResponse(request.codes().size(), outcome.results()));
    }

    @GetMapping("/api/v1/checks/receipts/{id}")
    @PreAuthorize("hasAnyRole('APPROVAL', 'ADMIN')")
    ReceiptView receipt(@PathVariable @Size(max = 36) String id, Caller caller) {
        return receipts.receipt(id, caller).map(ReceiptView::of).orElseThrow(() -> ApiException.notFound("receipt " + id));
    }

    /**
     * The audit of checks, newest first: by asking department, by subject (code), by time [from,
     * to). A code that would be read as an ID number is refused here (400) and goes in the body of
     * {@code POST /api/v1/checks/audit/search}.
     */
    @GetMapping("/api/v1/checks/audit")
    @PreAuthorize("hasRole('ADMIN')")
    Page<AuditEntry> audit(@RequestParam(required = false) @Size(max = 32) String department,
            @RequestParam(required = false) @Size(max = 40) String code,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        if (code != null && CheckCode.belongsInBody(code, null)) {
            throw ApiException.badField("code", "is a personal ID number, which must not appear in a URL: search the "
                    + "audit with POST /api/v1/checks/audit/search and the code in the body");
        }
        return auditPage(department, code, from, to, page, size);
    }

    /** The same audit search with the filters in the body; the way to find a person's checks. */
    @PostMapping("/api/v1/checks/audit/search")
    @PreAuthorize("hasRole('ADMIN')")
    Page<AuditEntry> searchAudit(@Valid @RequestBody AuditQuery query) {
        return auditPage(query.department(), query.code(), query.from(), query.to(),
                query.page() == null ? 0 : query.page(), query.size() == null ? 50 : query.size());
    }

    private Page<AuditEntry> auditPage(String department, String code, Instant from, Instant to, int page, int size) {
        List<AuditEntry> items = receipts.auditTrail(department, code, from, to, page, size).stream()
                .map(r -> new AuditEntry(r.receiptId(), r.departmentCode(), r.subjectKey(), r.status(), r.source(),
                        r.asOf(), r.checkedAt()))
                .toList();
        return Page.uncounted(items, page, size);
    }

    /** Open to anyone: the key that verifies check receipts (docs/licensing-check.md). */
    @GetMapping("/api/v1/public/check-signing-key")
    SigningKey signingKey() {
        var signer = receipts.signer();
        return new SigningKey(signer.keyId(), "Ed25519", signer.publicKeyPem(),
                java.util.Base64.getEncoder().encodeToString(signer.publicKey().getEncoded()));
    }
}
