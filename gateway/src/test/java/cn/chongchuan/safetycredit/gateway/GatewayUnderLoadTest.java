package cn.chongchuan.safetycredit.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import com.github.tomakehurst.wiremock.client.WireMock;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients at once through the gateway to a slow but healthy service: every one gets the
 * service's answer. The gateway's own limits (its circuit breaker, a bulkhead, its connection pool)
 * must never turn a healthy service into 503s; only failures and timeouts open a breaker. The
 * department's rate limit is lifted here, as for a load run, so that it is not what is measured.
 * On the old configuration (a 25-call bulkhead inside the breaker) a quarter of the answers were 503.
 */
@TestPropertySource(properties = {
        "gateway.rate-limit.department.replenish-rate=100000", "gateway.rate-limit.department.burst-capacity=200000",
        // A shared CI machine may take seconds to serve 128 at once; timeouts have tests of their own.
        "gateway.timeouts.response-ms=15000"})
class GatewayUnderLoadTest extends GatewayTest {

    private static final int CLIENTS = 128;
    private static final int ROUNDS = 3;
    private static final Duration SERVICE_TIME = Duration.ofMillis(500);

    @Autowired
    CircuitBreakerRegistry breakers;


    @Test
    void manyConcurrentClientsOfASlowHealthyServiceAllGetItsAnswer() {
        for (var backend : List.of(Backends.CREDIT_A, Backends.CREDIT_B)) {
            backend.stubFor(WireMock.get(urlPathMatching("/api/v1/checks/load-.*"))
                    .willReturn(aResponse().withStatus(200).withBody("answered").withFixedDelay((int) SERVICE_TIME.toMillis())));
        }

        // One client for every round: from the second round on its connections are open, so the
        // requests reach the gateway together rather than as fast as connections can be made.
        try (var executor = Executors.newVirtualThreadPerTaskExecutor();
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor).build()) {
            for (int round = 0; round < ROUNDS; round++) {
                Map<Integer, Long> statuses = concurrently(client, CLIENTS, i -> "/api/v1/checks/load-" + i);

                assertThat(statuses).as("statuses of %d concurrent checks, round %d", CLIENTS, round)
                        .containsExactly(Map.entry(200, (long) CLIENTS));
            }
        }
        assertThat(Backends.creditReceived()).hasSize(ROUNDS * CLIENTS);
        assertThat(breakers.circuitBreaker("credit-service").getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breakers.circuitBreaker("credit-service").getMetrics().getNumberOfFailedCalls()).isZero();
    }

    /** Sends {@code count} GETs at once and counts the answers by status. */
    private Map<Integer, Long> concurrently(HttpClient client, int count, Function<Integer, String> path) {
        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, count)
                .mapToObj(i -> client.sendAsync(request(path.apply(i)).header("X-Api-Key", LOAD_TEST_KEY)
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        return answers.stream().map(CompletableFuture::join)
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    }
}
