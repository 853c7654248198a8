package cn.chongchuan.safetycredit.credit.check.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the check cache holds for one subject: its relevant listings, its key supervision (if any,
 * informational) and the subject's version, which every listing or key-supervision change
 * increments in the change's own transaction. The answer is computed from these facts and the
 * day, so a listing that expires needs no cache write.
 */
public record SubjectFacts(String subjectKey, long version, List<ListingFact> listings, KeySupervisionFact keySupervision) {

    public SubjectFacts {
        listings = listings.stream().filter(ListingFact::isRelevant)
                .sorted(Comparator.comparingLong(ListingFact::listingId)).toList();
    }

    public SubjectFacts(String subjectKey, long version, List<ListingFact> listings) {
        this(subjectKey, version, listings, null);
    }

    /** The key supervision running on {@code day}, if any. */
    public Optional<KeySupervisionFact> keySupervisionOn(LocalDate day) {
        return keySupervision != null && keySupervision.isActiveOn(day) ? Optional.of(keySupervision) : Optional.empty();
    }

    /**
     * The answer on {@code day}: LISTED beats PROPOSED beats CLEAR. A subject may be listed under
     * several cases at once; the answer rests on all of them: for LISTED every listing in force on
     * the day, the one lasting longest first; for PROPOSED every listing under way, oldest first.
     */
    public Verdict verdictOn(LocalDate day) {
        List<ListingFact> listed = listings.stream().filter(l -> l.listsOn(day))
                .sorted(Comparator.comparing(ListingFact::listedUntil).thenComparing(ListingFact::listedFrom)
                        .thenComparingLong(ListingFact::listingId).reversed())
                .toList();
        if (!listed.isEmpty()) {
            return new Verdict(CheckStatus.LISTED, listed);
        }
        List<ListingFact> pending = listings.stream().filter(ListingFact::isPending).toList();
        return pending.isEmpty() ? Verdict.CLEAR : new Verdict(CheckStatus.PROPOSED, pending);
    }

    /** The answer with its bases: the listings it rests on (none for CLEAR), the main one first. */
    public record Verdict(CheckStatus status, List<ListingFact> bases) {

        public static final Verdict CLEAR = new Verdict(CheckStatus.CLEAR, List.of());

        public Verdict {
            bases = List.copyOf(bases);
        }

        /** The main basis: for LISTED the listing that lasts longest; none for CLEAR. */
        public ListingFact basis() {
            return bases.isEmpty() ? null : bases.getFirst();
        }
    }
}
