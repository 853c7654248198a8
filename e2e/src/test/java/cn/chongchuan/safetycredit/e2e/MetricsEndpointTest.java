package cn.chongchuan.safetycredit.e2e;

import cn.chongchuan.safetycredit.devstack.GatewayClient;
import cn.chongchuan.safetycredit.devstack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The metrics the docs name are where an operator's Prometheus scrapes them: {@code
 * /actuator/prometheus} on each service's management port, without a token, and nowhere else — not
 * on the service port, not through the gateway.
 */
class MetricsEndpointTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static Stack stack;

    @BeforeAll
    static void system() {
        stack = RunningStack.get();
    }

    @Test
    void creditServiceExposesItsCheckMetricsOnItsManagementPort() throws Exception {
        stack.as("XZSPJ").get("/api/v1/checks/91320602MA1XXXXX0L").ok();

        HttpResponse<String> scraped = get(stack.managementUrl("credit-service") + "/actuator/prometheus");

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(scraped.body()).contains("credit_check_answers_total", "credit_check_cache_requests_total",
                "credit_outbox_pending ", "credit_outbox_parked ", "credit_outbox_oldest_age_seconds ",
                "http_server_requests_seconds_count", "hikaricp_connections_active");
    }

    @Test
    void sanctionServiceExposesItsMetricsOnItsManagementPort() throws Exception {
        String url = stack.managementUrl("sanction-service") + "/actuator/prometheus";
        HttpResponse<String> scraped = get(url);

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("sanction_notices_feedback_overdue ", "jvm_memory_used_bytes",
                "hikaricp_connections_active", "http_server_requests_seconds_count");
        // A unit listed through the gateway: its notices reach sanction-service through the outbox,
        // and the gauges count them at their next refresh (every 15 s).
        listAUnit(stack);
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1))
                .until(() -> get(url).body().contains("sanction_notices{application=\"sanction-service\",department=\""));
    }

    @Test
    void theGatewayExposesItsRefusalsOnItsManagementPort() throws Exception {
        HttpResponse<String> scraped = get(stack.managementUrl("gateway") + "/actuator/prometheus");

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("gateway_api_key_refusals_total{application=\"gateway\",reason=\"unknown-key\"}",
                "gateway_rate_limit_refusals_total{application=\"gateway\",route=\"credit-service\"}",
                "http_server_requests_seconds_count");
    }

    @Test
    void neitherTheServicePortNorTheGatewayAnswersWithMetrics() throws Exception {
        assertThat(get(stack.serviceUrl("credit-service") + "/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get(stack.serviceUrl("sanction-service") + "/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get(stack.gatewayUrl() + "/actuator/prometheus").statusCode()).isEqualTo(404);
    }

    /** Lists a unit through the gateway: its notices go out to the partner stubs. */
    static void listAUnit(Stack stack) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        GatewayClient enforcement = stack.as("AJJ");
        JsonNode violation = enforcement.post("/api/v1/violations", """
                {"caseNumber":"METRICS-%s","decisionNumber":"崇应急罚决〔2026〕指标号","decisionDate":"%s",
                 "criterionCode":"OM11-03","description":"指标检查","fineAmount":1000,%s
                 "unit":{"uscc":"91320602MA1XXXXX0L","name":"南通崇川指标检查有限公司"},
                 "persons":[{"name":"指标人","idNumber":"%s","responsibility":"PRINCIPAL"}]}"""
                .formatted(UUID.randomUUID(), today, RoleMatrixTest.aggravatedAccident(today),
                        IdNumbersInLogsTest.randomIdNumber())).ok();
        long listing = violation.get("listings").get(0).get("listingId").asLong();
        enforcement.post("/api/v1/listings/" + listing + "/notice", "{\"noticeDate\":\"" + today + "\",\"servedOn\":\""
                + today + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"告知\",\"evidence\":[\"行政处罚决定书\"]}").ok();
        enforcement.post("/api/v1/listings/" + listing + "/decision", "{\"decisionNumber\":\"崇应急失信〔2026〕指标号\","
                + "\"decisionDate\":\"" + today + "\",\"defenceWaived\":true,\"waiverReference\":\"放弃申辩声明\"}").ok();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
