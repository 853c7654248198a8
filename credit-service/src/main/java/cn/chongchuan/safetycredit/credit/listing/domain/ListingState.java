package cn.chongchuan.safetycredit.credit.listing.domain;

/** Where a listing stands in the lawful procedure (DESIGN §3). */
public enum ListingState {
    /** Proposed by the system after a violation matched a criterion; the party has not been told yet. */
    PROPOSED,
    /** The party has been notified (reasons, basis, rights); the defence period runs. */
    NOTIFIED,
    /** On the blacklist by a written decision, for three years. */
    LISTED,
    /** Not listed: the department decided against it. */
    DROPPED,
    /** Three years passed since the decision. */
    EXPIRED,
    /** Removed early after an approved credit repair. */
    REPAIRED,
    /** Listed again: the repair rested on false material and was revoked. */
    RESTORED,
    /** Withdrawn because it was made in error. */
    REVOKED;

    /** Whether the subject is on the blacklist in this state (before the clock says it expired). */
    public boolean isOnList() {
        return this == LISTED || this == RESTORED;
    }

    /** Whether nothing can follow this state. */
    public boolean isFinal() {
        return this == DROPPED || this == REVOKED;
    }
}
