package cn.chongchuan.safetycredit.credit.changes.domain;

import cn.chongchuan.safetycredit.credit.listing.domain.ListingState;

/**
 * What changed about a subject, in the terms of the register that changed: a listing's new state
 * (the listing state machine's names), key supervision, or a person's key. A red list (issue 20
 * names red-listing; no red list exists yet) adds its kinds here with their own {@link Source}.
 */
public enum ChangeKind {
    PROPOSED(Source.LISTING),
    NOTIFIED(Source.LISTING),
    LISTED(Source.LISTING),
    DROPPED(Source.LISTING),
    EXPIRED(Source.LISTING),
    REPAIRED(Source.LISTING),
    RESTORED(Source.LISTING),
    REVOKED(Source.LISTING),
    /** Key supervision (一案五制) started or changed: informational in the answer, never its status. */
    KEY_SUPERVISION(Source.KEY_SUPERVISION),
    /** A person re-hashed under a new HMAC key: same person, same answer, new {@code P:} key. */
    SUBJECT_REKEYED(Source.SUBJECT_KEY);

    /** Which register a change comes from. */
    public enum Source {
        LISTING, KEY_SUPERVISION, SUBJECT_KEY
    }

    private final Source source;

    ChangeKind(Source source) {
        this.source = source;
    }

    public Source source() {
        return source;
    }

    /** The change a listing makes by moving to {@code state}. */
    public static ChangeKind of(ListingState state) {
        return valueOf(state.name());
    }
}
