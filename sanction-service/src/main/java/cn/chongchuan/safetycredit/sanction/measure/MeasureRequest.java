package cn.chongchuan.safetycredit.sanction.measure;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** A catalogue entry as ADMIN defines it. */
public record MeasureRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_-]{1,31}", message = "must be a department code") String department,
        @NotBlank @Size(max = 500) String legalBasis,
        @NotEmpty Set<@Pattern(regexp = "UNIT|PERSON", message = "must be UNIT or PERSON") String> subjectTypes) {
}
