package cn.chongchuan.safetycredit.credit.check.domain;

import cn.chongchuan.safetycredit.credit.listing.domain.ListingState;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Rebuilds what the register said at a past instant from a listing's append-only history: the
 * state is the target of the last transition recorded at or before that instant; a listing with no
 * transition by then did not exist yet.
 */
public final class PointInTime {

    private PointInTime() {
    }

    /** One recorded state transition of a listing. */
    public record Transition(long sequence, ListingState to, Instant occurredAt) {
    }

    /** The listing as it stood at {@code asOf}, or empty when it had not been proposed yet. */
    public static Optional<ListingFact> asOf(ListingFact current, List<Transition> history, Instant asOf) {
        return history.stream()
                .filter(t -> !t.occurredAt().isAfter(asOf))
                .max(Comparator.comparing(Transition::occurredAt).thenComparingLong(Transition::sequence))
                .map(t -> current.withState(t.to()));
    }
}
