package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.followup.domain.ReminderChannel;
import cn.chongchuan.safetycredit.credit.followup.domain.VisitOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request bodies of the follow-up API. */
final class FollowUpRequests {

    /** Printable text without control characters (no header or log injection through free text). */
    static final String PLAIN_TEXT = "^[^\\p{Cntrl}]*$";

    private FollowUpRequests() {
    }

    /** Optional free text as stored: stripped, or null when absent or blank. */
    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The obligations checklist sent to the unit: when, how, which items (codes of seeds/checklist.yaml). */
    record SendChecklistReminder(
            @NotNull LocalDate sentOn,
            @NotNull ReminderChannel channel,
            @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = 16) String> items,
            @Size(max = 1000) @Pattern(regexp = PLAIN_TEXT) String note) {
    }

    /** The penalised unit's commitment letter: the unit that signs it, the date, its text or a document reference. */
    record RecordCommitment(
            @NotBlank @Size(max = 18) String uscc,
            @NotNull LocalDate signedOn,
            @Size(max = 4000) String text,
            @Size(max = 200) @Pattern(regexp = PLAIN_TEXT) String documentRef) {
    }

    /** A return visit as it took place. */
    record RecordVisit(
            @NotNull LocalDate visitedOn,
            @NotNull VisitOutcome outcome,
            @Size(max = 1000) String note) {
    }

    /** The public warning text of a typical case (shown without personal data). */
    record MarkTypical(@NotBlank @Size(max = 1000) @Pattern(regexp = PLAIN_TEXT) String warning) {
    }

    record Reason(@NotBlank @Size(max = 1000) @Pattern(regexp = PLAIN_TEXT) String reason) {
    }
}
