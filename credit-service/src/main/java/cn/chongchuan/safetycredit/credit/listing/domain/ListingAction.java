package cn.chongchuan.safetycredit.credit.listing.domain;

/** The things that can happen to a listing, each leading to one state. */
public enum ListingAction {
    NOTIFY(ListingState.NOTIFIED),
    DECIDE(ListingState.LISTED),
    DROP(ListingState.DROPPED),
    EXPIRE(ListingState.EXPIRED),
    APPROVE_REPAIR(ListingState.REPAIRED),
    REVOKE_REPAIR(ListingState.RESTORED),
    REVOKE(ListingState.REVOKED);

    private final ListingState target;

    ListingAction(ListingState target) {
        this.target = target;
    }

    public ListingState target() {
        return target;
    }
}
