package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.domain.KeySupervisionFact;
import cn.chongchuan.safetycredit.credit.check.domain.ListingFact;
import cn.chongchuan.safetycredit.credit.check.domain.SubjectFacts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A code understood: where it was in the input, whose it is, and how it is shown back; for a
 * code valid under both standards, this is its unit reading and {@code asPerson} its person
 * reading (the check looks up both).
 */
record SubjectReading(String key, String subjectType, String displayCode, List<Integer> positions,
        SubjectReading asPerson, List<String> previousKeys) {

    /** A subject with one key (a unit, or a person while no HMAC key rotation runs). */
    SubjectReading(String key, String subjectType, String displayCode, List<Integer> positions, SubjectReading asPerson) {
        this(key, subjectType, displayCode, positions, asPerson, List.of());
    }

    SubjectReading at(List<Integer> positions) {
        return new SubjectReading(key, subjectType, displayCode, positions, asPerson == null ? null : asPerson.at(positions),
                previousKeys);
    }

    /** Every key the answer needs: a person's keys under previous HMAC keys too while they are rotated. */
    List<String> keys() {
        List<String> keys = new ArrayList<>(1 + previousKeys.size() + (asPerson == null ? 0 : 1));
        keys.add(key);
        keys.addAll(previousKeys);
        if (asPerson != null) {
            keys.addAll(asPerson.keys());
        }
        return keys;
    }

    /**
     * The keys of a person reading while the HMAC key is rotated (none otherwise): read together
     * from the database, never half from the cache, so that a re-hash committing between two
     * reads cannot leave the person's listings under neither key.
     */
    List<String> rotatingKeys() {
        List<String> keys = new ArrayList<>();
        if (!previousKeys.isEmpty()) {
            keys.add(key);
            keys.addAll(previousKeys);
        }
        if (asPerson != null) {
            keys.addAll(asPerson.rotatingKeys());
        }
        return keys;
    }

    /**
     * This reading's facts: a person not yet re-hashed has its listings under a previous key, one
     * already moved under the current one — the union is the person's (null: not answerable now).
     */
    FoundFacts factsFrom(Map<String, FoundFacts> found) {
        FoundFacts facts = found.get(key);
        for (String previous : previousKeys) {
            FoundFacts more = found.get(previous);
            if (facts == null || more == null) {
                return null;
            }
            List<ListingFact> listings = new ArrayList<>(facts.facts().listings());
            listings.addAll(more.facts().listings());
            KeySupervisionFact supervision = facts.facts().keySupervision() != null
                    ? facts.facts().keySupervision() : more.facts().keySupervision();
            facts = new FoundFacts(new SubjectFacts(key, facts.facts().version(), listings, supervision),
                    CheckService.SOURCE_CACHE.equals(facts.source()) ? more.source() : facts.source());
        }
        return facts;
    }
}
