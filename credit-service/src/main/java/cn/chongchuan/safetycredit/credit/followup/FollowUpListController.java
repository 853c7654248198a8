package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.catalogue.domain.ChecklistItem;
import cn.chongchuan.safetycredit.credit.followup.FollowUpLists.OverdueVisit;
import cn.chongchuan.safetycredit.credit.followup.FollowUpLists.Supervised;
import cn.chongchuan.safetycredit.platform.web.Caller;
import cn.chongchuan.safetycredit.platform.web.CsvDownload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static cn.chongchuan.safetycredit.platform.web.CsvDownload.cell;

/**
 * The district-wide side of the "一案五制" follow-up under {@code /api/v1/follow-ups}: the overdue
 * visits and key-supervision lists, the obligations checklist, and the repeat report (JSON or CSV).
 */
@RestController
@Validated
class FollowUpListController {

    private final FollowUpListService lists;
    private final CaseStepService steps;
    private final RepeatService repeats;

    FollowUpListController(FollowUpListService lists, CaseStepService steps, RepeatService repeats) {
        this.lists = lists;
        this.steps = steps;
        this.repeats = repeats;
    }

    /** Unrecorded visits past their due day, oldest first. */
    @GetMapping("/api/v1/follow-ups/overdue-visits")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    List<OverdueVisit> overdueVisits(@RequestParam(required = false) @Size(max = 16) String department,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        return lists.overdueVisits(caller, department, page, size);
    }

    /** Units under key supervision today. */
    @GetMapping("/api/v1/follow-ups/key-supervision")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    List<Supervised> keySupervision(@RequestParam(required = false) @Size(max = 16) String department,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Caller caller) {
        return lists.underKeySupervision(caller, department, page, size);
    }

    /** The obligations checklist a reminder chooses from (seeds/checklist.yaml). */
    @GetMapping("/api/v1/follow-ups/checklist-items")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    List<ChecklistItem> checklistItems() {
        return steps.checklistItems();
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
        RepeatReport report = repeats.repeatReport(from, to, department, area, criterion);
        return "csv".equals(format) ? csv(report) : ResponseEntity.ok(report);
    }

    @GetMapping("/api/v1/follow-ups/repeat-report.csv")
    @PreAuthorize("hasAnyRole('ENFORCEMENT', 'ADMIN')")
    ResponseEntity<byte[]> repeatReportCsv(@RequestParam(required = false) YearMonth from,
            @RequestParam(required = false) YearMonth to,
            @RequestParam(required = false) @Size(max = 16) String department,
            @RequestParam(required = false) @Size(max = 6) String area,
            @RequestParam(required = false) @Size(max = 16) String criterion) {
        return csv(repeats.repeatReport(from, to, department, area, criterion));
    }

    /** The report as a spreadsheet: a column per month, then the total, the repeats and the flag. */
    private static ResponseEntity<byte[]> csv(RepeatReport report) {
        List<String> titles = new ArrayList<>(List.of("区划代码", "情形代码", "情形"));
        titles.addAll(report.months().stream().map(String::valueOf).toList());
        titles.addAll(List.of("合计", "重复", "标记"));
        CsvDownload csv = CsvDownload.withHeader(titles);
        for (RepeatReport.Row row : report.rows()) {
            List<String> cells = new ArrayList<>(List.of(cell(row.areaCode()), cell(row.criterionCode()), cell(row.criterionTitle())));
            report.months().forEach(m -> cells.add(String.valueOf(row.counts().getOrDefault(m, 0))));
            cells.addAll(List.of(String.valueOf(row.total()), String.valueOf(row.repeats()), row.flagged() ? "重复" : ""));
            csv.row(cells);
        }
        return csv.attachment("repeat-report-" + report.from() + "-" + report.to() + ".csv");
    }
}
