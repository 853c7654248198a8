package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.followup.FollowUpLists.TypicalCase;
import cn.chongchuan.safetycredit.platform.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public warning list of typical cases (典型案件警示), open to anyone, persons masked. */
@RestController
@Validated
class PublicTypicalCaseController {

    private final TypicalCaseService typicalCases;

    PublicTypicalCaseController(TypicalCaseService typicalCases) {
        this.typicalCases = typicalCases;
    }

    @GetMapping("/api/v1/public/typical-cases")
    Page<TypicalCase> typicalCases(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(50) int size) {
        return typicalCases.typicalCases(page, size);
    }
}
