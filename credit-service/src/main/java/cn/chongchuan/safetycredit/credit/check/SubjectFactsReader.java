package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.CheckMapper.FactRow;
import cn.chongchuan.safetycredit.credit.check.CheckMapper.SupervisionRow;
import cn.chongchuan.safetycredit.credit.check.domain.KeySupervisionFact;
import cn.chongchuan.safetycredit.credit.check.domain.ListingFact;
import cn.chongchuan.safetycredit.credit.check.domain.PointInTime;
import cn.chongchuan.safetycredit.credit.check.domain.SubjectFacts;
import cn.chongchuan.safetycredit.credit.listing.ListingProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads subjects' facts from MySQL: as they are now (for the cache, with their key supervision),
 * or as they stood at an instant (listings only: key supervision is shown for today's checks).
 */
@Component
class SubjectFactsReader {

    private final CheckMapper mapper;
    private final Clock clock;
    private final ListingProperties listing;

    SubjectFactsReader(CheckMapper mapper, Clock clock, ListingProperties listing) {
        this.mapper = mapper;
        this.clock = clock;
        this.listing = listing;
    }

    /**
     * The current facts of each subject. The versions are read <em>before</em> the listings: facts
     * read afterwards are at least as new as the version they are stored under, so a newer write
     * always carries a higher version than any fill made from an older read.
     */
    Map<String, SubjectFacts> current(Collection<String> keys) {
        Map<String, Long> versions = new HashMap<>();
        mapper.findVersions(keys).forEach(v -> versions.put(v.subjectKey(), v.version()));
        Map<String, List<ListingFact>> listings = mapper.findRelevantListings(keys).stream()
                .collect(Collectors.groupingBy(FactRow::subjectKey, Collectors.mapping(SubjectFactsReader::fact, Collectors.toList())));
        // Periods that ended before yesterday can never show again; the one that ends last is kept.
        LocalDate since = LocalDate.now(clock.withZone(listing.zone())).minusDays(1);
        Map<String, KeySupervisionFact> supervision = new HashMap<>();
        for (SupervisionRow row : mapper.findKeySupervision(keys, since)) {
            KeySupervisionFact fact = new KeySupervisionFact(row.supervisionFrom(), row.supervisionUntil(),
                    row.departmentCode(), row.caseNumber());
            supervision.merge(row.subjectKey(), fact, (a, b) -> b.until().isAfter(a.until()) ? b : a);
        }
        Map<String, SubjectFacts> facts = new LinkedHashMap<>();
        for (String key : keys) {
            facts.put(key, new SubjectFacts(key, versions.getOrDefault(key, 0L), listings.getOrDefault(key, List.of()),
                    supervision.get(key)));
        }
        return facts;
    }

    /** When the register began: its first recorded listing event, or null while it has none. */
    Instant registerSince() {
        return mapper.findRegisterSince();
    }

    /** Each subject's listings as the register showed them at {@code asOf} (version -1: never cached). */
    Map<String, SubjectFacts> asOf(Collection<String> keys, Instant asOf) {
        List<FactRow> rows = mapper.findAllListings(keys);
        Map<Long, List<PointInTime.Transition>> history = rows.isEmpty() ? Map.of()
                : mapper.findTransitions(rows.stream().map(FactRow::listingId).toList(), asOf).stream()
                        .collect(Collectors.groupingBy(CheckMapper.TransitionRow::listingId, Collectors.mapping(
                                t -> new PointInTime.Transition(t.id(), t.toState(), t.occurredAt()), Collectors.toList())));
        Map<String, List<ListingFact>> listings = new HashMap<>();
        for (FactRow row : rows) {
            PointInTime.asOf(fact(row), history.getOrDefault(row.listingId(), List.of()), asOf)
                    .ifPresent(f -> listings.computeIfAbsent(row.subjectKey(), k -> new ArrayList<>()).add(f));
        }
        Map<String, SubjectFacts> facts = new LinkedHashMap<>();
        for (String key : keys) {
            facts.put(key, new SubjectFacts(key, -1, listings.getOrDefault(key, List.of())));
        }
        return facts;
    }

    private static ListingFact fact(FactRow row) {
        return new ListingFact(row.listingId(), row.state(), row.criterionCode(), row.departmentCode(),
                row.decisionNumber(), row.listedFrom(), row.listedUntil());
    }
}
