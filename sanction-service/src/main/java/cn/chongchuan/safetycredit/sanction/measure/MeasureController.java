package cn.chongchuan.safetycredit.sanction.measure;

import cn.chongchuan.safetycredit.sanction.support.PathParameters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The measure catalogue: readable by every authenticated caller (credit-service caches it), edited by ADMIN. */
@RestController
@RequestMapping("/api/v1/measures")
class MeasureController {

    private final MeasureService measures;

    MeasureController(MeasureService measures) {
        this.measures = measures;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<Measure> catalogue(
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_-]{1,31}", message = "must be a department code") String department,
            @RequestParam(required = false) @Pattern(regexp = "UNIT|PERSON", message = "must be UNIT or PERSON") String subjectType) {
        return measures.catalogue(department, subjectType);
    }

    @PutMapping("/{code}")
    @PreAuthorize("hasRole('ADMIN')")
    Measure define(@PathVariable String code, @Valid @RequestBody MeasureRequest request) {
        PathParameters.require("code", code, PathParameters.MEASURE_CODE, "must be a measure code (M-…)");
        return measures.defineMeasure(code, request);
    }
}
