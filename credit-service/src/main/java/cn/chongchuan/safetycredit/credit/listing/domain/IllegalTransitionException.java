package cn.chongchuan.safetycredit.credit.listing.domain;

import cn.chongchuan.safetycredit.platform.rule.RuleViolation;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** An action that the listing's current state does not allow; names the actions allowed instead. */
public class IllegalTransitionException extends RuleViolation {

    private final ListingState current;
    private final ListingAction attempted;
    private final Set<ListingAction> allowed;

    public IllegalTransitionException(ListingState current, ListingAction attempted, Set<ListingAction> allowed) {
        super(Kind.CONFLICT, "illegal-transition", "Illegal transition",
                "cannot " + attempted.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " a listing that is " + current
                        + (allowed.isEmpty() ? "; nothing can follow " + current
                        : "; allowed now: " + allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
        this.current = current;
        this.attempted = attempted;
        this.allowed = Set.copyOf(allowed);
        with("currentState", current.name());
        with("allowedActions", allowed.stream().map(Enum::name).sorted().toList());
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
