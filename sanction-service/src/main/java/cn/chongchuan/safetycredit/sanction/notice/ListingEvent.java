package cn.chongchuan.safetycredit.sanction.notice;

import cn.chongchuan.safetycredit.sanction.support.SubjectType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A listing event from credit-service, as docs/contracts.md defines it: the one type on this side
 * of the wire for what credit-service sends. The inbox validates and de-duplicates it, the fan-out
 * turns it into a case and notices, and a notice's {@code listing} is its listing part.
 */
public record ListingEvent(
        @NotBlank @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
                message = "must be a UUID") String eventId,
        @NotNull EventType eventType,
        @NotNull Cause cause,
        @NotNull Instant occurredAt,
        @PositiveOrZero Long sequence,
        @NotNull @Positive Long listingId,
        @NotNull SubjectType subjectType,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[UP]:[A-Za-z0-9+/=_-]+", message = "must be U:… or P:…") String subjectKey,
        @NotBlank @Size(max = 200) String subjectName,
        @NotBlank @Size(max = 40) String subjectCode,
        @Size(max = 32) String criterionCode,
        @Size(max = 300) String criterionTitle,
        @Size(max = 100) String decisionNumber,
        @Size(max = 32) String decidingDepartment,
        LocalDate listedFrom,
        LocalDate listedUntil,
        @Size(max = 20) List<@NotNull @Positive Long> relatedListingIds,
        @Size(max = 100) List<@NotNull @Positive Long> otherListingsInForce) {

    public ListingEvent {
        // Absent lists are empty ones. Their elements are left as sent (not copied): a null element
        // must reach validation, which names the field, instead of failing here.
        relatedListingIds = relatedListingIds == null ? List.of() : Collections.unmodifiableList(relatedListingIds);
        otherListingsInForce = otherListingsInForce == null ? List.of()
                : Collections.unmodifiableList(otherListingsInForce);
    }

    /** The event id as it is remembered and quoted on notices: lower case, in whatever case it was sent. */
    public String normalisedEventId() {
        return eventId.toLowerCase(Locale.ROOT);
    }

    /** Whether a listing starts or ends. */
    public enum EventType {
        LISTING_STARTED, LISTING_ENDED
    }

    /** Why: LISTED or RESTORED start a listing; EXPIRED, REPAIRED or REVOKED end it. */
    public enum Cause {
        LISTED(EventType.LISTING_STARTED), RESTORED(EventType.LISTING_STARTED),
        EXPIRED(EventType.LISTING_ENDED), REPAIRED(EventType.LISTING_ENDED), REVOKED(EventType.LISTING_ENDED);

        private final EventType type;

        Cause(EventType type) {
            this.type = type;
        }

        public boolean fits(EventType eventType) {
            return type == eventType;
        }
    }
}
