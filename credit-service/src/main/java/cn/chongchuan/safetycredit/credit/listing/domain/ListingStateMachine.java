package cn.chongchuan.safetycredit.credit.listing.domain;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The legal transitions of a listing: PROPOSED → NOTIFIED → LISTED or DROPPED; LISTED → EXPIRED
 * after three years or REPAIRED after an approved repair; REPAIRED → RESTORED when the repair is
 * revoked; any state but DROPPED and REVOKED → REVOKED for error.
 */
public final class ListingStateMachine {

    private static final Map<ListingState, Set<ListingAction>> ALLOWED = new EnumMap<>(ListingState.class);

    static {
        ALLOWED.put(ListingState.PROPOSED, EnumSet.of(ListingAction.NOTIFY, ListingAction.DROP, ListingAction.REVOKE));
        ALLOWED.put(ListingState.NOTIFIED, EnumSet.of(ListingAction.DECIDE, ListingAction.DROP, ListingAction.REVOKE));
        ALLOWED.put(ListingState.LISTED, EnumSet.of(ListingAction.EXPIRE, ListingAction.APPROVE_REPAIR, ListingAction.REVOKE));
        ALLOWED.put(ListingState.RESTORED, EnumSet.of(ListingAction.EXPIRE, ListingAction.APPROVE_REPAIR, ListingAction.REVOKE));
        ALLOWED.put(ListingState.REPAIRED, EnumSet.of(ListingAction.REVOKE_REPAIR, ListingAction.REVOKE));
        ALLOWED.put(ListingState.EXPIRED, EnumSet.of(ListingAction.REVOKE));
        ALLOWED.put(ListingState.DROPPED, EnumSet.noneOf(ListingAction.class));
        ALLOWED.put(ListingState.REVOKED, EnumSet.noneOf(ListingAction.class));
    }

    private ListingStateMachine() {
    }

    /** The actions allowed from a state. */
    public static Set<ListingAction> allowedFrom(ListingState state) {
        return EnumSet.copyOf(ALLOWED.get(state));
    }

    /** The state after the action, or {@link IllegalTransitionException} naming what is allowed instead. */
    public static ListingState apply(ListingState current, ListingAction action) {
        if (!ALLOWED.get(current).contains(action)) {
            throw new IllegalTransitionException(current, action, allowedFrom(current));
        }
        return action.target();
    }
}
