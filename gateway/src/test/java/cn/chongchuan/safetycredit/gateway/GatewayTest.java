package cn.chongchuan.safetycredit.gateway;

import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole gateway on a random port, in front of WireMock backends (two credit-service
 * instances, one sanction-service) and the real embedded Redis that devstack starts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "security.internal-token.secret=" + TestTokens.SECRET)
@ActiveProfiles("test")
abstract class GatewayTest {

    /** The plain keys whose SHA-256 hashes application-test.yml configures. */
    static final String ADMIN_KEY = "test-key-awb-admin-0001";
    static final String APPROVAL_KEY = "test-key-xzspj-approval-0002";
    static final String ENFORCEMENT_KEY = "test-key-ajj-enforcement-0003";
    static final String PARTNER_KEY = "test-key-zjj-partner-0004";
    /** Keys of two more departments, for the rate-limit tests only. */
    static final String RATE_TEST_KEY = "test-key-scjgj-ratelimit-0005";
    static final String OTHER_RATE_TEST_KEY = "test-key-xfdd-ratelimit-0006";
    static final String GUESS_TEST_RIGHT_KEY = "test-key-jtj-guesses-0007";
    /** The key of GatewayUnderLoadTest's department, whose context lifts the department rate limit. */
    static final String LOAD_TEST_KEY = "test-key-fgw-load-0008";

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("gateway.credit-urls", Backends::creditUrls);
        registry.add("gateway.sanction-urls", Backends.SANCTION::baseUrl);
    }

    @BeforeEach
    void resetBackends() {
        Backends.reset();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("request failed", e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(request(path));
    }

    /** A GET on the management port (health details, metrics). */
    HttpResponse<String> management(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)));
    }

    HttpResponse<String> getWithKey(String path, String key) {
        return send(request(path).header("Authorization", "ApiKey " + key));
    }

    static String uniqueRequestId() {
        return "test-" + UUID.randomUUID();
    }

    /** Asserts the response is a problem of this type and status, and returns its body. */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                contentType -> assertThat(contentType).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("type").asString()).isEqualTo("/problems/" + type);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("detail").asString()).isNotBlank();
        assertThat(body.path("instance").asString()).isEqualTo(response.uri().getPath());
        assertThat(body.path("requestId").asString()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        return body;
    }
}
