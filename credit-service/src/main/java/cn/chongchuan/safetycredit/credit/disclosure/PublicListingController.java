package cn.chongchuan.safetycredit.credit.disclosure;

import cn.chongchuan.safetycredit.platform.web.CsvDownload;
import cn.chongchuan.safetycredit.platform.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

import static cn.chongchuan.safetycredit.platform.web.CsvDownload.cell;

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
    Page<PublicListing> listings(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Size(max = 18) String code,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return disclosure.search(q, code, page, size);
    }

    /** The same list as CSV (see {@link CsvDownload}: spreadsheet programs read the Chinese text, formulas defused). */
    @GetMapping("/api/v1/public/listings.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Size(max = 18) String code) {
        CsvDownload csv = CsvDownload.withHeader(List.of("序号", "主体类型", "名称", "统一社会信用代码/身份证号", "列入情形",
                "依据", "决定部门", "决定文书号", "列入日期", "移出日期"));
        int written = 0;
        for (int page = 0; written < CSV_MAX_ROWS; page++) {
            List<PublicListing> items = disclosure.search(q, code, page, CSV_PAGE).items();
            for (PublicListing item : items) {
                csv.row(List.of(String.valueOf(item.listingId()), "UNIT".equals(item.subjectType()) ? "单位" : "个人",
                        cell(item.name()), cell(item.code()), cell(item.criterionTitle()), cell(item.legalBasis()),
                        cell(item.decidingDepartment()), cell(item.decisionNumber()), String.valueOf(item.listedFrom()),
                        String.valueOf(item.listedUntil())));
            }
            written += items.size();
            if (items.size() < CSV_PAGE) {
                break;
            }
        }
        return csv.attachment("blacklist.csv");
    }
}
