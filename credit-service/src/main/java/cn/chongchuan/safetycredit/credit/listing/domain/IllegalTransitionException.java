package cn.chongchuan.safetycredit.credit.listing.domain;

import java.util.Set;
import java.util.stream.Collectors;

/** An action that the listing's current state does not allow. */
public class IllegalTransitionException extends RuntimeException {

    private final ListingState current;
    private final ListingAction attempted;
    private final Set<ListingAction> allowed;

    public IllegalTransitionException(ListingState current, ListingAction attempted, Set<ListingAction> allowed) {
        super("cannot " + attempted.name().toLowerCase().replace('_', ' ') + " a listing that is " + current
                + (allowed.isEmpty() ? "; nothing can follow " + current
                : "; allowed now: " + allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
        this.current = current;
        this.attempted = attempted;
        this.allowed = Set.copyOf(allowed);
    }

    public ListingState current() {
        return current;
    }

    public ListingAction attempted() {
        return attempted;
    }

    public Set<ListingAction> allowed() {
        return allowed;
    }
}
