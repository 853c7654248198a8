package cn.chongchuan.safetycredit.e2e;

import cn.chongchuan.safetycredit.devstack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operators' dashboard and alert rules ({@code deploy/observability}) read only metrics that the
 * running system exposes, with labels those metrics carry: a renamed metric or label would leave
 * an alert silent forever, which nobody notices until the day it should have fired. Their
 * runbook links lead to headings that exist in docs/operations.md.
 */
class ObservabilityFilesTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
    private static final Path ALERTS = ROOT.resolve("deploy/observability/alerts.yaml");
    private static final Path DASHBOARD = ROOT.resolve("deploy/observability/dashboard.json");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? ", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

    private static Stack stack;

    @BeforeAll
    static void system() {
        stack = RunningStack.get();
    }

    @Test
    void theRequiredAlertsAreThere() throws IOException {
        Map<String, Map<String, Object>> rules = alertRules();

        assertThat(rules).containsKeys("NoticeDead", "OutboxBehind", "CheckCacheHitRatioLow", "CheckAuditQueueHalfFull",
                "DepartmentBreakerOpen", "ApiKeyGuessing", "RateLimitRefusalsHigh");
        assertThat(rules.get("DepartmentBreakerOpen").get("for")).isEqualTo("10m");
        assertThat((String) rules.get("OutboxBehind").get("expr")).contains("credit_outbox_oldest_age_seconds) > 60");
        assertThat((String) rules.get("CheckCacheHitRatioLow").get("expr")).contains("< 0.8");
        assertThat((String) rules.get("CheckAuditQueueHalfFull").get("expr")).contains("> 0.5");
        assertThat((String) rules.get("NoticeDead").get("expr")).contains("status=\"DEAD\"", "> 0");
        for (Map.Entry<String, Map<String, Object>> rule : rules.entrySet()) {
            assertThat(rule.getValue()).as(rule.getKey()).containsKeys("expr", "labels", "annotations");
            @SuppressWarnings("unchecked")
            Map<String, Object> labels = (Map<String, Object>) rule.getValue().get("labels");
            assertThat(labels.get("severity")).as(rule.getKey()).isIn("critical", "warning", "info");
        }
    }

    @Test
    void everyRunbookLinkLeadsToAHeadingOfTheOperationsPage() throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        for (String line : Files.readAllLines(ROOT.resolve("docs/operations.md"))) {
            if (line.startsWith("#")) {
                anchors.add(slug(line.replaceFirst("^#+\\s*", "")));
            }
        }
        for (Map.Entry<String, Map<String, Object>> rule : alertRules().entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> annotations = (Map<String, Object>) rule.getValue().get("annotations");
            String runbook = (String) annotations.get("runbook");
            assertThat(runbook).as(rule.getKey()).startsWith("docs/operations.md#");
            assertThat(anchors).as(rule.getKey() + " runbook").contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsReadIsExposedWithTheLabelsTheyMatchOn() throws Exception {
        Map<String, Set<String>> used = new LinkedHashMap<>();
        List<String> expressions = new ArrayList<>();
        alertRules().values().forEach(rule -> expressions.add((String) rule.get("expr")));
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.get("panels").size()).isGreaterThan(10);
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.get("expr").asString());
            }
        }
        for (String expression : expressions) {
            PromQl.selectors(expression).forEach((name, labels) ->
                    used.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(labels));
        }
        assertThat(used).as("metrics found in the expressions").hasSizeGreaterThan(20);

        // Listing a unit sends notices to the partner stubs: the delivery gauges and the departments'
        // breakers exist from then on (the gauges at their next refresh, every 15 s).
        MetricsEndpointTest.listAUnit(stack);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(missing(used, exposed())).isEmpty());
    }

    /** Each metric name exposed by any of the three processes, with every label name it carries. */
    private static Map<String, Set<String>> exposed() throws Exception {
        Map<String, Set<String>> exposed = new HashMap<>();
        for (String process : List.of("gateway", "credit-service", "sanction-service")) {
            HttpResponse<String> scraped = HTTP.send(HttpRequest.newBuilder(
                            URI.create(stack.managementUrl(process) + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scraped.statusCode()).as(process).isEqualTo(200);
            Matcher sample = SAMPLE.matcher(scraped.body());
            while (sample.find()) {
                Set<String> labels = exposed.computeIfAbsent(sample.group(1), n -> new LinkedHashSet<>());
                // What Prometheus adds to every series it scrapes.
                labels.add("instance");
                labels.add("job");
                if (sample.group(3) != null) {
                    Matcher label = LABEL.matcher(sample.group(3));
                    while (label.find()) {
                        labels.add(label.group(1));
                    }
                }
            }
        }
        return exposed;
    }

    /** What is used but not exposed: "name" for a missing metric, "name{label}" for a missing label. */
    private static List<String> missing(Map<String, Set<String>> used, Map<String, Set<String>> exposed) {
        List<String> missing = new ArrayList<>();
        used.forEach((name, labels) -> {
            Set<String> has = exposed.get(name);
            if (has == null) {
                missing.add(name);
                return;
            }
            labels.stream().filter(label -> !has.contains(label)).forEach(label -> missing.add(name + "{" + label + "}"));
        });
        return missing;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> alertRules() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(ALERTS));
        Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                assertThat(rules.put((String) rule.get("alert"), rule)).as("alert names are unique").isNull();
            }
        }
        return rules;
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String slug(String heading) {
        return heading.trim().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\- ]", "").replace(' ', '-');
    }
}
