package cn.chongchuan.safetycredit.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.client.WireMock;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class GatewayRoutingTest extends GatewayTest {

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/me", "/api/v1/subjects/91310110666007217T", "/api/v1/violations", "/api/v1/listings/7",
            "/api/v1/repairs/1", "/api/v1/objections", "/api/v1/checks/91310110666007217T", "/api/v1/criteria",
            "/api/v1/calendar/years", "/api/v1/changes?after=0&limit=100", "/api/v1/changes/watches"})
    void blacklistAndCheckPathsGoToCreditService(String path) {
        assertThat(getWithKey(path, APPROVAL_KEY).body()).isEqualTo("credit");
        assertThat(Backends.creditReceived()).singleElement()
                .satisfies(request -> assertThat(request.getUrl()).isEqualTo(path));
        assertThat(Backends.received(Backends.SANCTION)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/notices/42", "/api/v1/cases/3", "/api/v1/departments", "/api/v1/measures?department=ZJJ",
            "/api/v1/deliveries/9/replay"})
    void sanctionPathsGoToSanctionService(String path) {
        assertThat(getWithKey(path, ADMIN_KEY).body()).isEqualTo("sanction");
        assertThat(Backends.received(Backends.SANCTION)).singleElement()
                .satisfies(request -> assertThat(request.getUrl()).isEqualTo(path));
        assertThat(Backends.creditReceived()).isEmpty();
    }

    @Test
    void requestsAreSpreadOverEveryInstanceOfAService() {
        awaitAFullProbeRound();
        IntStream.range(0, 6).forEach(i ->
                assertThat(getWithKey("/api/v1/checks/91310110666007217T", APPROVAL_KEY).statusCode()).isEqualTo(200));

        assertThat(Backends.received(Backends.CREDIT_A)).hasSize(3);
        assertThat(Backends.received(Backends.CREDIT_B)).hasSize(3);
    }

    @Test
    void anInstanceFailingItsHealthProbeLeavesTheRotationUntilItAnswersAgain() {
        Backends.CREDIT_B.stubFor(WireMock.get(urlPathEqualTo(Backends.HEALTH_PROBE))
                .willReturn(aResponse().withStatus(503)));
        int probesBefore = Backends.healthProbes(Backends.CREDIT_B).size();
        // Two probes later the first failed one has surely been answered and taken into account.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Backends.healthProbes(Backends.CREDIT_B).size() >= probesBefore + 2);

        IntStream.range(0, 6).forEach(i ->
                assertThat(getWithKey("/api/v1/checks/91310110666007217T", APPROVAL_KEY).statusCode()).isEqualTo(200));
        assertThat(Backends.received(Backends.CREDIT_A)).hasSize(6);
        assertThat(Backends.received(Backends.CREDIT_B)).isEmpty();

        Backends.reset();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            getWithKey("/api/v1/checks/91310110666007217T", APPROVAL_KEY);
            assertThat(Backends.received(Backends.CREDIT_B)).isNotEmpty();
        });
        awaitAFullProbeRound();
    }

    @Test
    void whenNoInstanceAnswersItsProbeEveryConfiguredInstanceIsStillUsed() {
        for (var backend : List.of(Backends.CREDIT_A, Backends.CREDIT_B)) {
            backend.stubFor(WireMock.get(urlPathEqualTo(Backends.HEALTH_PROBE)).willReturn(aResponse().withStatus(503)));
        }
        int probesBefore = Backends.healthProbes(Backends.CREDIT_A).size() + Backends.healthProbes(Backends.CREDIT_B).size();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                Backends.healthProbes(Backends.CREDIT_A).size() + Backends.healthProbes(Backends.CREDIT_B).size() >= probesBefore + 4);

        IntStream.range(0, 4).forEach(i ->
                assertThat(getWithKey("/api/v1/checks/91310110666007217T", APPROVAL_KEY).statusCode()).isEqualTo(200));
        assertThat(Backends.creditReceived()).hasSize(4);

        Backends.reset();
        awaitAFullProbeRound();
    }

    /**
     * Waits until every credit instance has been probed twice from now on: the second probe belongs
     * to a round that began after this moment, so the gateway's list reflects the backends' stubs
     * as they are now (other tests of this class make probes fail and must not leave that behind).
     */
    private static void awaitAFullProbeRound() {
        int a = Backends.healthProbes(Backends.CREDIT_A).size();
        int b = Backends.healthProbes(Backends.CREDIT_B).size();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                Backends.healthProbes(Backends.CREDIT_A).size() >= a + 2 && Backends.healthProbes(Backends.CREDIT_B).size() >= b + 2);
    }

    @Test
    void eachServicesApiDescriptionIsPublishedUnderItsName() {
        assertThat(get("/v3/api-docs/credit-service").body()).isEqualTo("credit");
        assertThat(get("/v3/api-docs/sanction-service").body()).isEqualTo("sanction");

        assertThat(Backends.allReceived()).extracting(request -> request.getUrl()).containsOnly("/v3/api-docs");
        // The services answer their descriptions only to a token the gateway signed: the anonymous one.
        assertThat(Backends.allReceived()).allMatch(request -> request.getHeader("Authorization").startsWith("Bearer "));
    }

    @Test
    void oneSwaggerUiListsBothServicesDescriptions() {
        var config = get("/v3/gateway-api-docs/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("\"/v3/api-docs/credit-service\"", "\"/v3/api-docs/sanction-service\"");
        assertThat(get("/swagger-ui.html").statusCode()).isIn(200, 302);
        assertThat(Backends.allReceived()).isEmpty();
    }

    @Test
    void internalActuatorAndUnknownPathsAreNeverRouted() {
        for (String path : new String[] {"/internal/v1/listing-events", "/actuator/prometheus", "/actuator/env",
                "/actuator/gateway/routes", "/api/v1/unknown", "/api/v2/checks/x", "/v3/api-docs", "/v3/api-docs/swagger-config"}) {
            assertProblem(getWithKey(path, ADMIN_KEY), 404, "http-404");
        }
        assertThat(Backends.allReceived()).isEmpty();
    }

    @Test
    void theGatewayHasNoActuatorIndexAndNoInfo() {
        for (String path : new String[] {"/actuator", "/actuator/info", "/actuator/metrics", "/actuator/prometheus"}) {
            assertProblem(get(path), 404, "http-404");
        }
    }

    @Test
    void healthIsAnsweredByTheGatewayItself() {
        for (String path : new String[] {"/livez", "/readyz"}) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(Backends.allReceived()).isEmpty();
    }

    @Test
    void healthDetailsAreOnTheManagementPortOnly() {
        // (Tests do not export metrics; MetricsEndpointTest (e2e) scrapes the running gateway's.)
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(management("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertProblem(get("/actuator/health/readiness"), 404, "http-404");
    }

    @Test
    void theFallbackPathCannotBeCalledDirectly() {
        assertProblem(getWithKey("/gateway-fallback/credit-service", ADMIN_KEY), 404, "http-404");
    }
}
