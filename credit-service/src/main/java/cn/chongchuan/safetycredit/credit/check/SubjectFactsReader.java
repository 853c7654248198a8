package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.CheckMapper.FactRow;
import cn.chongchuan.safetycredit.credit.check.CheckMapper.SupervisionRow;
import cn.chongchuan.safetycredit.credit.check.domain.KeySupervisionFact;
import cn.chongchuan.safetycredit.credit.check.domain.ListingFact;
import cn.chongchuan.safetycredit.credit.check.domain.SubjectFacts;
import cn.chongchuan.safetycredit.credit.listing.ListingProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Loads subjects' current facts from MySQL, with their key supervision: what a cache miss answers
 * from, and what the cache is filled with (after a change, on a miss, in a re-warm).
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
                .collect(Collectors.groupingBy(FactRow::subjectKey, Collectors.mapping(FactRow::toFact, Collectors.toList())));
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

}
