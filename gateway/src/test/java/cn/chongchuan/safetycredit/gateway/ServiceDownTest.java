package cn.chongchuan.safetycredit.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** sanction-service has no live instance; credit-service has one live and one dead instance. */
class ServiceDownTest extends GatewayTest {

    private static final String DEAD = "http://127.0.0.1:" + unusedPort();

    @DynamicPropertySource
    static void oneServiceDown(DynamicPropertyRegistry registry) {
        // The instance lists in their standard Spring Cloud form, which overrides GATEWAY_*_URLS.
        registry.add("spring.cloud.discovery.client.simple.instances.credit-service[0].uri", () -> DEAD);
        registry.add("spring.cloud.discovery.client.simple.instances.credit-service[1].uri", Backends.CREDIT_A::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.sanction-service[0].uri", () -> DEAD);
    }

    @Test
    void aServiceThatIsDownGets503ProblemWithRetryAfter() {
        HttpResponse<String> response = getWithKey("/api/v1/notices/1", PARTNER_KEY);

        var problem = assertProblem(response, 503, "service-unavailable");
        assertThat(problem.path("detail").asString()).contains("sanction-service");
        assertThat(response.headers().firstValue("Retry-After")).contains("7");
    }

    @Test
    void aWriteToAServiceThatIsDownGets503Too() {
        HttpResponse<String> response = send(request("/api/v1/notices/1/acknowledgement").header("X-Api-Key", PARTNER_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertProblem(response, 503, "service-unavailable");
    }

    @Test
    void afterRepeatedFailuresTheBreakerOpensAndRequestsAreRefusedAtOnce() {
        String detail = "";
        for (int i = 0; i < 15 && !detail.contains("recover"); i++) {
            detail = assertProblem(getWithKey("/api/v1/cases/1", PARTNER_KEY), 503, "service-unavailable")
                    .path("detail").asString();
        }

        assertThat(detail).contains("sanction-service").contains("recover");
        // The other service's breaker is its own.
        assertThat(getWithKey("/api/v1/checks/91310110666007217T", APPROVAL_KEY).statusCode()).isEqualTo(200);
    }

    @Test
    void aDeadInstanceIsSkippedForTheLiveOne() {
        for (int i = 0; i < 6; i++) {
            assertThat(getWithKey("/api/v1/checks/91310110666007217T", APPROVAL_KEY).statusCode()).isEqualTo(200);
        }
        assertThat(Backends.received(Backends.CREDIT_A)).hasSize(6);
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeGets503() {
        Backends.CREDIT_A.stubFor(WireMock.get(urlPathEqualTo("/api/v1/checks/slow"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(4_000)));

        HttpResponse<String> response = getWithKey("/api/v1/checks/slow", APPROVAL_KEY);

        var problem = assertProblem(response, 503, "service-unavailable");
        assertThat(problem.path("detail").asString()).contains("in time");
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
