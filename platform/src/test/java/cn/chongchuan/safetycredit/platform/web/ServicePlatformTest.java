package cn.chongchuan.safetycredit.platform.web;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"security.internal-token.secret=" + TestTokens.SECRET, "logging.structured.format.console=ecs",
                "management.server.port=0", "management.endpoint.health.probes.enabled=true",
                "management.endpoint.health.probes.add-additional-paths=true"})
@ExtendWith(OutputCaptureExtension.class)
class ServicePlatformTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private Http http() {
        return Http.local(port);
    }

    @Test
    void anApiCallWithoutTokenGets401Problem() {
        Http.Response response = http().get("/api/v1/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("/problems/unauthenticated");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/me");
        assertThat(problem.get("requestId").asString()).isNotBlank();
    }

    @Test
    void expiredAndForgedTokensGet401() {
        String expired = TestTokens.tokenAt(Clock.fixed(Instant.now().minusSeconds(300), ZoneOffset.UTC), "AJJ", "ADMIN");
        String forged = TestTokens.token("AJJ", "ADMIN").replaceFirst("\\.[^.]+$", ".c2lnbmF0dXJl");

        assertThat(http().get("/api/v1/me", "Authorization", "Bearer " + expired).status()).isEqualTo(401);
        assertThat(http().get("/api/v1/me", "Authorization", "Bearer " + forged).status()).isEqualTo(401);
        assertThat(http().get("/api/v1/me", "Authorization", "Bearer not-a-jwt").status()).isEqualTo(401);
    }

    @Test
    void aValidTokenIdentifiesTheDepartment() {
        Http.Response response = http().get("/api/v1/me", "Authorization", TestTokens.bearer("XZSPJ", "APPROVAL"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("department").asString()).isEqualTo("XZSPJ");
        assertThat(response.json().get("roles").get(0).asString()).isEqualTo("APPROVAL");
    }

    @Test
    void aRoleNotAllowedOnTheEndpointGets403Problem() {
        Http.Response denied = http().get("/api/v1/admin-only", "Authorization", TestTokens.bearer("XZSPJ", "APPROVAL"));
        Http.Response allowed = http().get("/api/v1/admin-only", "Authorization", TestTokens.bearer("AWB", "ADMIN"));

        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(allowed.status()).isEqualTo(200);
    }

    @Test
    void publicEndpointsAnswerTheGatewaysAnonymousTokenButNoRequestWithoutOne() {
        assertThat(http().get("/api/v1/public/ping").status()).isEqualTo(401);
        assertThat(http().get("/api/v1/public/ping", "Authorization", "Bearer forged.anonymous.token").status()).isEqualTo(401);

        assertThat(http().get("/api/v1/public/ping", "Authorization", TestTokens.publicBearer()).body()).isEqualTo("pong");
    }

    @Test
    void theAnonymousTokenReachesNoKeyedEndpoint() {
        for (String path : new String[] {"/api/v1/me", "/api/v1/admin-only"}) {
            assertThat(http().get(path, "Authorization", TestTokens.publicBearer()).status()).as(path).isEqualTo(403);
        }
    }

    @Test
    void onlyTheHealthProbesAnswerWithoutATokenOnTheServicePort() {
        assertThat(http().get("/livez").status()).isEqualTo(200);
        assertThat(http().get("/readyz").status()).isEqualTo(200);
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/info", "/actuator",
                "/v3/api-docs", "/anything"}) {
            assertThat(http().get(path).status()).as(path).isIn(401, 403, 404);
        }
    }

    @Test
    void managementEndpointsAreOnTheirOwnPort() {
        Http management = Http.local(managementPort);

        assertThat(management.get("/actuator/health").status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(managementPort).isNotEqualTo(port);
    }

    @Test
    void invalidFieldsAreNamedInTheProblem() {
        Http.Response response = http().postJson("/api/v1/samples", "{\"name\":\" \",\"count\":0}",
                "Authorization", TestTokens.bearer("AJJ", "ENFORCEMENT"));

        assertThat(response.status()).isEqualTo(400);
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("/problems/validation");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "count");
    }

    @Test
    void brokenJsonAndWrongTypesAreBadRequests() {
        String bearer = TestTokens.bearer("AJJ", "ENFORCEMENT");
        Http.Response broken = http().postJson("/api/v1/samples", "{\"name\": \"x\",", "Authorization", bearer);
        Http.Response wrongType = http().postJson("/api/v1/samples", "{\"name\":\"x\",\"count\":\"many\"}",
                "Authorization", bearer);

        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").get(0).get("field").asString()).isEqualTo("count");
    }

    @Test
    void unexpectedFailuresRevealNothingInternalAndAreLoggedWithTheRequestId(CapturedOutput output) {
        Http.Response response = http().get("/api/v1/boom", "Authorization", TestTokens.bearer("AJJ", "ADMIN"),
                "X-Request-Id", "req-boom-0001");

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("secret internal detail", "IllegalStateException", "at cn.");
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/internal-error");
        assertThat(response.json().get("requestId").asString()).isEqualTo("req-boom-0001");
        assertThat(output.getOut()).containsPattern("(?m)^\\{\"@timestamp\"(?=.*\"requestId\":\"req-boom-0001\")(?=.*unexpected failure).*$");
    }

    @Test
    void aWellFormedRequestIdIsKeptAndEchoed() {
        Http.Response response = http().get("/api/v1/public/ping", "X-Request-Id", "req-12345678",
                "Authorization", TestTokens.publicBearer());
        Http.Response injected = http().get("/api/v1/public/ping", "X-Request-Id", "bad id\twith tab",
                "Authorization", TestTokens.publicBearer());

        assertThat(response.header("X-Request-Id")).isEqualTo("req-12345678");
        assertThat(injected.header("X-Request-Id")).isNotEqualTo("bad id\twith tab").isNotBlank();
    }
}
