package cn.chongchuan.safetycredit.sanction.feedback;

import cn.chongchuan.safetycredit.sanction.feedback.domain.MeasureOutcome;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** A department's report on a notice ("反馈"): an outcome per measure. */
public record FeedbackRequest(@NotEmpty @Size(max = 50) List<@Valid @NotNull Item> outcomes) {

    /** One measure's outcome, e.g. APPLIED with the tender number of the refused bid. */
    public record Item(
            @NotBlank @Size(max = 32) String measureCode,
            @NotNull MeasureOutcome outcome,
            @Size(max = 100) String referenceNumber,
            LocalDate date,
            @Size(max = 1000) String note) {
    }
}
