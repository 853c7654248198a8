package cn.chongchuan.safetycredit.gateway;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

class RequestProtectionTest extends GatewayTest {

    private static final int ONE_MB = 1024 * 1024;

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/api/v1/listings/..%2F..%2Factuator%2Fenv",
            "/api/v1/listings/1%00", "/api/v1/listings/%2500", "/api/v1/listings/1;jsessionid=x",
            "/api/v1/listings/1%3Bx", "/api/v1/public/%2e%2e/%2e%2e/actuator/env", "/api/v1/public/../listings",
            "/api/v1//listings", "/api/v1/listings/a%5Cb", "/api/v1/listings/%0d%0aX-Injected:%201"})
    void pathsThatOnlyAttackersSendAreRefusedAsProblemsAndNeverRouted(String path) {
        HttpResponse<String> answer = send(request(path).header("X-Api-Key", ADMIN_KEY).GET());
        assertThat(answer.statusCode()).as(path).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(answer.body()).contains("\"type\":\"/problems/validation\"");
        assertThat(Backends.allReceived()).isEmpty();
    }

    @Test
    void anOverlongPathIs414AsAProblem() {
        HttpResponse<String> answer = send(request("/api/v1/listings/" + "x".repeat(5000)).header("X-Api-Key", ADMIN_KEY).GET());
        assertProblem(answer, 414, "uri-too-long");
        assertThat(Backends.allReceived()).isEmpty();
    }

    @Test
    void aRequestIdIsGeneratedWhenAbsentAndPassedToTheService() {
        HttpResponse<String> response = getWithKey("/api/v1/listings/1", ADMIN_KEY);

        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(UUID.fromString(requestId)).isNotNull();
        assertThat(Backends.creditReceived().getFirst().getHeader("X-Request-Id")).isEqualTo(requestId);
    }

    @Test
    void aWellFormedRequestIdIsKept() {
        String requestId = uniqueRequestId();
        HttpResponse<String> response = send(request("/api/v1/notices/1").header("X-Api-Key", PARTNER_KEY)
                .header("X-Request-Id", requestId));

        assertThat(response.headers().allValues("X-Request-Id")).containsExactly(requestId);
        assertThat(Backends.received(Backends.SANCTION).getFirst().getHeader("X-Request-Id")).isEqualTo(requestId);
    }

    @Test
    void aMalformedRequestIdIsReplaced() {
        for (String malformed : new String[] {"short", "has spaces in it", "x".repeat(65), "id;drop=table"}) {
            HttpResponse<String> response = send(request("/api/v1/public/listings").header("X-Request-Id", malformed));

            String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(requestId).isNotEqualTo(malformed);
            assertThat(UUID.fromString(requestId)).isNotNull();
        }
        assertThat(Backends.creditReceived()).extracting(r -> r.getHeader("X-Request-Id"))
                .allSatisfy(id -> assertThat(UUID.fromString(id)).isNotNull());
    }

    @Test
    void problemsTheGatewayAnswersCarryTheRequestId() {
        String requestId = uniqueRequestId();
        HttpResponse<String> response = send(request("/api/v1/listings").header("X-Request-Id", requestId));

        assertThat(assertProblem(response, 401, "unauthenticated").path("requestId").asString()).isEqualTo(requestId);
    }

    @Test
    void aBodyWithinTheLimitReachesTheService() {
        String body = "{\"note\":\"" + "a".repeat(ONE_MB - 100) + "\"}";
        HttpResponse<String> response = send(request("/api/v1/violations").header("X-Api-Key", ENFORCEMENT_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Backends.creditReceived().getFirst().getBodyAsString()).isEqualTo(body);
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedWith413AndNeverForwarded() {
        byte[] body = new byte[ONE_MB + 1];
        HttpResponse<String> response = send(request("/api/v1/violations").header("X-Api-Key", ENFORCEMENT_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));

        assertProblem(response, 413, "payload-too-large");
        assertThat(Backends.allReceived()).isEmpty();
    }

    @Test
    void aChunkedBodyThatGrowsOverTheLimitIsRefusedWith413AndNeverForwarded() {
        byte[] body = "x".repeat(2 * ONE_MB).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> response = send(request("/api/v1/violations").header("X-Api-Key", ENFORCEMENT_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(response, 413, "payload-too-large");
        assertThat(Backends.allReceived()).isEmpty();
    }

    @Test
    void aServiceErrorOnAWriteIsPassedOnAndNotRetried() {
        Backends.CREDIT_A.stubFor(post(urlPathEqualTo("/api/v1/violations")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"type\":\"/problems/internal-error\"}")));
        Backends.CREDIT_B.stubFor(post(urlPathEqualTo("/api/v1/violations")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"type\":\"/problems/internal-error\"}")));

        HttpResponse<String> response = send(request("/api/v1/violations").header("X-Api-Key", ENFORCEMENT_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("/problems/internal-error");
        assertThat(Backends.creditReceived()).hasSize(1);
    }

    @Test
    void theConsoleOriginMayCallTheApiFromABrowser() {
        HttpResponse<String> preflight = send(request("/api/v1/listings").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://console.test")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type"));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("https://console.test");

        HttpResponse<String> actual = send(request("/api/v1/listings/1").header("Origin", "https://console.test")
                .header("Authorization", "ApiKey " + ADMIN_KEY));
        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).contains("https://console.test");
        assertThat(actual.headers().firstValue("Access-Control-Expose-Headers").orElseThrow()).contains("X-Request-Id");
    }

    @Test
    void anyOtherOriginIsRefused() {
        HttpResponse<String> preflight = send(request("/api/v1/listings").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "POST"));
        assertProblem(preflight, 403, "forbidden");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> actual = send(request("/api/v1/listings/1").header("Origin", "https://elsewhere.example")
                .header("Authorization", "ApiKey " + ADMIN_KEY));
        assertProblem(actual, 403, "forbidden");
        assertThat(Backends.allReceived()).isEmpty();
    }
}
