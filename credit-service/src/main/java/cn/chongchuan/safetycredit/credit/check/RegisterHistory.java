package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.CheckMapper.FactRow;
import cn.chongchuan.safetycredit.credit.check.domain.ListingFact;
import cn.chongchuan.safetycredit.credit.check.domain.PointInTime;
import cn.chongchuan.safetycredit.credit.check.domain.SubjectFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The register as it stood at an instant ({@code asOf}), from the append-only listing history:
 * each listing's state is the target of its last transition recorded by then. Never cached, and
 * listings only: key supervision is shown for today's checks.
 */
@Component
class RegisterHistory {

    /** The check's log lines keep the logger name they had before the check was split up. */
    private static final Logger log = LoggerFactory.getLogger(CheckService.class);

    private final CheckMapper mapper;

    RegisterHistory(CheckMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Each subject's listings as the register showed them at {@code asOf} (version -1: never
     * cached); empty when the history cannot be read now.
     */
    Map<String, FoundFacts> find(List<String> keys, Instant asOf) {
        Map<String, FoundFacts> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        try {
            read(keys, asOf).forEach((key, facts) -> found.put(key, new FoundFacts(facts, CheckService.SOURCE_HISTORY)));
        } catch (DataAccessException e) {
            log.warn("listing history unreachable: {}", e.getClass().getSimpleName());
        }
        return found;
    }

    /**
     * For an answer at a past instant: when the register began, if {@code asOf} is before that (the
     * register cannot say what was true then, and a CLEAR must not read as if it could); null when
     * the register covers {@code asOf}. A register without any record covers nothing yet.
     */
    Instant uncoveredBy(Instant asOf, Instant checkedAt) {
        Instant since = mapper.findRegisterSince();
        Instant covered = since == null ? checkedAt : since;
        return asOf.isBefore(covered) ? covered : null;
    }

    private Map<String, SubjectFacts> read(Collection<String> keys, Instant asOf) {
        List<FactRow> rows = mapper.findAllListings(keys);
        Map<Long, List<PointInTime.Transition>> history = rows.isEmpty() ? Map.of()
                : mapper.findTransitions(rows.stream().map(FactRow::listingId).toList(), asOf).stream()
                        .collect(Collectors.groupingBy(CheckMapper.TransitionRow::listingId, Collectors.mapping(
                                t -> new PointInTime.Transition(t.id(), t.toState(), t.occurredAt()), Collectors.toList())));
        Map<String, List<ListingFact>> listings = new HashMap<>();
        for (FactRow row : rows) {
            PointInTime.asOf(row.toFact(), history.getOrDefault(row.listingId(), List.of()), asOf)
                    .ifPresent(f -> listings.computeIfAbsent(row.subjectKey(), k -> new ArrayList<>()).add(f));
        }
        Map<String, SubjectFacts> facts = new LinkedHashMap<>();
        for (String key : keys) {
            facts.put(key, new SubjectFacts(key, -1, listings.getOrDefault(key, List.of())));
        }
        return facts;
    }
}
