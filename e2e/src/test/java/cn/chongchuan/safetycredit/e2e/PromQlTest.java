package cn.chongchuan.safetycredit.e2e;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The metric names and label names found in PromQL, which ObservabilityFilesTest relies on. */
class PromQlTest {

    @Test
    void findsMetricsAndTheirLabelsButNotFunctionsKeywordsOrGroupingLabels() {
        var found = PromQl.selectors("""
                (sum by (route) (rate(a_total{result="hit", x=~"b{1}"}[5m])) / sum(rate(a_total[$__rate_interval])))
                  < 0.8 and on (instance) max(b_seconds) > 60 or histogram_quantile(0.95, sum by (le) (rate(c_bucket[5m])))
                  unless c_count offset 1h""");

        assertThat(found).containsOnlyKeys("a_total", "b_seconds", "c_bucket", "c_count");
        assertThat(found.get("a_total")).isEqualTo(Set.of("result", "x"));
        assertThat(found.get("b_seconds")).isEmpty();
    }
}
