package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.catalogue.CatalogueService;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The criteria as the check names them in its answers, held in memory and refreshed in the
 * background, so that a cached answer needs no database (MySQL down: cached answers keep their
 * criterion titles). A criterion not yet held is read at once, but after a failed read not again
 * on the check's path for a while.
 */
@Component
class CriteriaSnapshot {

    /** The check's log lines keep the logger name they had before the check was split up. */
    private static final Logger log = LoggerFactory.getLogger(CheckService.class);
    private static final long RETRY_NANOS = 30_000_000_000L;

    private final CatalogueService catalogue;
    private volatile Map<String, Criterion> criteria = Map.of();
    /** When reading the criteria last failed (System.nanoTime): no retry on the check path for a while. */
    private volatile long failedAt = System.nanoTime() - RETRY_NANOS;

    CriteriaSnapshot(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    /** The criterion of this code, or null when the catalogue does not have it (or cannot be read now). */
    Criterion criterion(String code) {
        Criterion found = criteria.get(code);
        if (found == null && System.nanoTime() - failedAt >= RETRY_NANOS) {
            refresh();
            found = criteria.get(code);
        }
        return found;
    }

    @Scheduled(initialDelayString = "PT0S", fixedDelayString = "PT5M")
    void refresh() {
        try {
            criteria = catalogue.criteria().stream().collect(Collectors.toUnmodifiableMap(Criterion::code, c -> c));
        } catch (DataAccessException e) {
            failedAt = System.nanoTime();
            log.warn("criteria not refreshed for the check: {}", e.getClass().getSimpleName());
        }
    }
}
