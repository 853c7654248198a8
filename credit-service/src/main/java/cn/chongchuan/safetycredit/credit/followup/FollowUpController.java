package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.catalogue.domain.ChecklistItem;
import cn.chongchuan.safetycredit.credit.followup.FollowUpLists.OverdueVisit;
import cn.chongchuan.safetycredit.credit.followup.FollowUpLists.Supervised;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.MarkTypical;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.Reason;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.RecordCommitment;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.RecordVisit;
import cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.SendChecklistReminder;
import cn.chongchuan.safetycredit.platform.web.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

/**
 * The "一案五制" follow-up of a case: the case page and its steps under
 * {@code /api/v1/violations/{id}/follow-up}, the lists and the repeat report under
 * {@code /api/v1/follow-ups}. ENFORCEMENT acts on its own department's cases, ADMIN on all.
 */
@RestController
@Validated
class FollowUpController {

    private final FollowUpService followUps;

    FollowUpController(FollowUpService followUps) {
        this.followUps = followUps;
    }

    @GetMapping("/api/v1/violations/{id}/follow-up")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    FollowUpView casePage(@PathVariable long id, Caller caller) {
        return followUps.casePage(id, caller);
    }

    @PostMapping("/api/v1/violations/{id}/follow-up/checklist-reminders")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    FollowUpView sendChecklistReminder(@PathVariable long id, @Valid @RequestBody SendChecklistReminder request,
            Caller caller) {
        return followUps.sendChecklistReminder(id, request, caller);
    }

    @PostMapping("/api/v1/violations/{id}/follow-up/commitment")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    FollowUpView recordCommitment(@PathVariable long id, @Valid @RequestBody RecordCommitment request, Caller caller) {
        return followUps.recordCommitment(id, request, caller);
    }

    @PostMapping("/api/v1/violations/{id}/follow-up/visits/{n}")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    FollowUpView recordVisit(@PathVariable long id, @PathVariable @Min(1) @Max(100) int n,
            @Valid @RequestBody RecordVisit request, Caller caller) {
        return followUps.recordVisit(id, n, request, caller);
    }

    @PostMapping("/api/v1/violations/{id}/follow-up/typical")
    @PreAuthorize("hasRole('ADMIN')")
    FollowUpView markTypical(@PathVariable long id, @Valid @RequestBody MarkTypical request, Caller caller) {
        return followUps.markTypical(id, request, caller);
    }

    @PostMapping("/api/v1/violations/{id}/follow-up/typical/removal")
    @PreAuthorize("hasRole('ADMIN')")
    FollowUpView unmarkTypical(@PathVariable long id, @Valid @RequestBody Reason request, Caller caller) {
        return followUps.unmarkTypical(id, request.reason(), caller);
    }

    /** Unrecorded visits past their due day, oldest first. */
    @GetMapping("/api/v1/follow-ups/overdue-visits")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    List<OverdueVisit> overdueVisits(@RequestParam(required = false) @Size(max = 16) String department,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        return followUps.overdueVisits(caller, department, page, size);
    }

    /** Units under key supervision today. */
    @GetMapping("/api/v1/follow-ups/key-supervision")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    List<Supervised> keySupervision(@RequestParam(required = false) @Size(max = 16) String department,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        return followUps.underKeySupervision(caller, department, page, size);
    }

    /** The obligations checklist a reminder chooses from (seeds/checklist.yaml). */
    @GetMapping("/api/v1/follow-ups/checklist-items")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    List<ChecklistItem> checklistItems() {
        return followUps.checklistItems();
    }

    /** Repeat violations by area and criterion, counts per month; {@code format=csv} for a download. */
    @GetMapping("/api/v1/follow-ups/repeat-report")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    ResponseEntity<?> repeatReport(@RequestParam(required = false) YearMonth from,
            @RequestParam(required = false) YearMonth to,
            @RequestParam(required = false) @Size(max = 16) String department,
            @RequestParam(required = false) @Size(max = 6) String area,
            @RequestParam(required = false) @Size(max = 16) String criterion,
            @RequestParam(required = false) @Pattern(regexp = "json|csv") String format) {
        RepeatReport report = followUps.repeatReport(from, to, department, area, criterion);
        return "csv".equals(format) ? csv(report) : ResponseEntity.ok(report);
    }

    @GetMapping("/api/v1/follow-ups/repeat-report.csv")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    ResponseEntity<byte[]> repeatReportCsv(@RequestParam(required = false) YearMonth from,
            @RequestParam(required = false) YearMonth to,
            @RequestParam(required = false) @Size(max = 16) String department,
            @RequestParam(required = false) @Size(max = 6) String area,
            @RequestParam(required = false) @Size(max = 16) String criterion) {
        return csv(followUps.repeatReport(from, to, department, area, criterion));
    }

    /** UTF-8 with BOM so spreadsheet programs read the Chinese text; formula-like cells defused. */
    private static ResponseEntity<byte[]> csv(RepeatReport report) {
        StringBuilder csv = new StringBuilder("\uFEFF").append("区划代码,情形代码,情形");
        report.months().forEach(m -> csv.append(',').append(m));
        csv.append(",合计,重复,标记\r\n");
        for (RepeatReport.Row row : report.rows()) {
            csv.append(cell(row.areaCode())).append(',').append(cell(row.criterionCode())).append(',')
                    .append(cell(row.criterionTitle()));
            report.months().forEach(m -> csv.append(',').append(row.counts().getOrDefault(m, 0)));
            csv.append(',').append(row.total()).append(',').append(row.repeats()).append(',')
                    .append(row.flagged() ? "重复" : "").append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"repeat-report-" + report.from() + "-"
                        + report.to() + ".csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
