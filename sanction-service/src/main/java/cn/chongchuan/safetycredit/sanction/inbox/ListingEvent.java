package cn.chongchuan.safetycredit.sanction.inbox;

import cn.chongchuan.safetycredit.sanction.support.SubjectType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A listing event from credit-service, as docs/contracts.md defines it. */
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
