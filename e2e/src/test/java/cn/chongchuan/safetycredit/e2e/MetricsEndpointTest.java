package cn.chongchuan.safetycredit.e2e;

import cn.chongchuan.safetycredit.devstack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

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
                "http_server_requests_seconds_count", "hikaricp_connections_active");
    }

    @Test
    void sanctionServiceExposesItsMetricsOnItsManagementPort() throws Exception {
        HttpResponse<String> scraped = get(stack.managementUrl("sanction-service") + "/actuator/prometheus");

        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("jvm_memory_used_bytes", "hikaricp_connections_active",
                "http_server_requests_seconds_count");
    }

    @Test
    void neitherTheServicePortNorTheGatewayAnswersWithMetrics() throws Exception {
        assertThat(get(stack.serviceUrl("credit-service") + "/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get(stack.serviceUrl("sanction-service") + "/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get(stack.gatewayUrl() + "/actuator/prometheus").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
