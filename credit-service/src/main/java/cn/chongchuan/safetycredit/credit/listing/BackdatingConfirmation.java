package cn.chongchuan.safetycredit.credit.listing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The credit office's confirmation that a listing's notice or decision may carry a date more than
 * {@code credit.listing.backdating-confirmation-days} in the past: which listing, which step, which
 * date, why, and who confirmed it when.
 */
public record BackdatingConfirmation(
        Long id,
        long listingId,
        Step step,
        LocalDate stepDate,
        String reason,
        String confirmedByDepartment,
        String confirmedByRole,
        Instant confirmedAt) {

    /** The step whose date is confirmed, with the request field that carries the date. */
    public enum Step {
        NOTICE("noticeDate", "告知日期"), DECISION("decisionDate", "决定日期");

        private final String field;
        private final String label;

        Step(String field, String label) {
            this.field = field;
            this.label = label;
        }

        public String field() {
            return field;
        }

        public String label() {
            return label;
        }
    }
}
