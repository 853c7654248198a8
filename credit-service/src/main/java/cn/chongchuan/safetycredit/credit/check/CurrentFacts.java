package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.cache.CheckCache;
import cn.chongchuan.safetycredit.credit.check.domain.SubjectFacts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Subjects' facts as they are now: from the Redis cache, and for the misses from MySQL, whose
 * facts are then written back through the version guard (one MGET, one read of the misses, one
 * pipelined write, whatever the number of subjects).
 */
@Component
class CurrentFacts {

    /** The check's log lines keep the logger name they had before the check was split up. */
    private static final Logger log = LoggerFactory.getLogger(CheckService.class);

    private final CheckCache cache;
    private final SubjectFactsReader reader;
    private final CheckCacheMaintainer maintainer;
    private final CheckProperties properties;

    CurrentFacts(CheckCache cache, SubjectFactsReader reader, CheckCacheMaintainer maintainer, CheckProperties properties) {
        this.cache = cache;
        this.reader = reader;
        this.maintainer = maintainer;
        this.properties = properties;
    }

    /**
     * The facts of each subject key; a key is absent when it cannot be answered now (not cached and
     * the database out of reach). {@code databaseOnly}: keys never taken from the cache, nor are
     * those this instance knows its cached entry may be older than the database.
     */
    Map<String, FoundFacts> find(List<String> keys, Set<String> databaseOnly) {
        Map<String, FoundFacts> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<String> misses = keys;
        boolean cacheUsable = false;
        if (properties.cacheEnabled()) {
            Optional<List<SubjectFacts>> cached = cache.lookup(keys);
            if (cached.isPresent()) {
                cacheUsable = true;
                misses = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) {
                    SubjectFacts facts = cached.get().get(i);
                    if (facts == null || maintainer.isUnsynced(keys.get(i)) || databaseOnly.contains(keys.get(i))) {
                        misses.add(keys.get(i));
                    } else {
                        found.put(keys.get(i), new FoundFacts(facts, CheckService.SOURCE_CACHE));
                    }
                }
            }
        }
        if (misses.isEmpty()) {
            return found;
        }
        Map<String, SubjectFacts> loaded;
        try {
            loaded = reader.current(misses);
        } catch (DataAccessException e) {
            log.warn("register unreachable for {} uncached subjects: {}", misses.size(), e.getClass().getSimpleName());
            return found;
        }
        loaded.forEach((key, facts) -> found.put(key, new FoundFacts(facts, CheckService.SOURCE_DATABASE)));
        if (cacheUsable) {
            cache.store(loaded.values());
        }
        return found;
    }
}
