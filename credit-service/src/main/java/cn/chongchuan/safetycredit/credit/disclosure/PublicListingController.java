package cn.chongchuan.safetycredit.credit.disclosure;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** The published blacklist, open to anyone (personal data masked), as JSON pages or a CSV download. */
@RestController
@Validated
class PublicListingController {

    private static final int CSV_PAGE = 1000;
    private static final int CSV_MAX_ROWS = 100_000;

    private final DisclosureService disclosure;

    PublicListingController(DisclosureService disclosure) {
        this.disclosure = disclosure;
    }

    @GetMapping("/api/v1/public/listings")
    DisclosureService.Page listings(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Size(max = 18) String code,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return disclosure.search(q, code, page, size);
    }

    /** The same list as CSV (UTF-8 with BOM so spreadsheet programs read the Chinese text). */
    @GetMapping("/api/v1/public/listings.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Size(max = 18) String code) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append("序号,主体类型,名称,统一社会信用代码/身份证号,列入情形,依据,决定部门,决定文书号,列入日期,移出日期\r\n");
        int written = 0;
        for (int page = 0; written < CSV_MAX_ROWS; page++) {
            List<PublicListing> items = disclosure.search(q, code, page, CSV_PAGE).items();
            for (PublicListing item : items) {
                csv.append(item.listingId()).append(',')
                        .append("UNIT".equals(item.subjectType()) ? "单位" : "个人").append(',')
                        .append(cell(item.name())).append(',')
                        .append(cell(item.code())).append(',')
                        .append(cell(item.criterionTitle())).append(',')
                        .append(cell(item.legalBasis())).append(',')
                        .append(cell(item.decidingDepartment())).append(',')
                        .append(cell(item.decisionNumber())).append(',')
                        .append(item.listedFrom()).append(',')
                        .append(item.listedUntil()).append("\r\n");
            }
            written += items.size();
            if (items.size() < CSV_PAGE) {
                break;
            }
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"blacklist.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Quotes a cell and neutralises spreadsheet formulas (a cell starting with = + - @ is prefixed with '). */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.isEmpty() || "=+-@\t\r".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
