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

    /** The answer on {@code day}: LISTED beats PROPOSED beats CLEAR. */
    public Verdict verdictOn(LocalDate day) {
        Optional<ListingFact> listed = listings.stream().filter(l -> l.listsOn(day))
                .max(Comparator.comparing(ListingFact::listedFrom));
        if (listed.isPresent()) {
            return new Verdict(CheckStatus.LISTED, listed.get());
        }
        Optional<ListingFact> pending = listings.stream().filter(ListingFact::isPending).findFirst();
        return pending.map(l -> new Verdict(CheckStatus.PROPOSED, l)).orElse(Verdict.CLEAR);
    }

    /** The answer with its basis: the listing it rests on, none for CLEAR. */
    public record Verdict(CheckStatus status, ListingFact basis) {

        public static final Verdict CLEAR = new Verdict(CheckStatus.CLEAR, null);
    }
}
