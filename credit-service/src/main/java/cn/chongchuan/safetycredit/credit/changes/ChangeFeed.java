package cn.chongchuan.safetycredit.credit.changes;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * A page of the changes feed: the changes after the cursor asked for, oldest first, and the cursor
 * to ask with next ({@code nextCursor}: the last item's, or further on when a watched-only page
 * skipped other departments' subjects; the same cursor when nothing new has committed). Cursors
 * are strings in JSON, as the notice feed's are: clients keep them as given.
 */
public record ChangeFeed(List<Item> items, @JsonFormat(shape = JsonFormat.Shape.STRING) long nextCursor) {

    /**
     * One change: its cursor, the subject (a unit by its USCC, a person only as {@code P:<keyed
     * hash>}, the key the check's receipts carry), what changed, the status the check answers after
     * it, when, the listing it concerns, a re-keyed person's former key, and the calling
     * department's own references for the subject.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Item(@JsonFormat(shape = JsonFormat.Shape.STRING) long cursor, String subject, String subjectType, String change, String source, String status,
            Instant at, Long listingId, String formerSubject, List<String> references) {
    }
}
