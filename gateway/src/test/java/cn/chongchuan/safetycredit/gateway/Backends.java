package cn.chongchuan.safetycredit.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock servers standing in for the services: two instances of credit-service, one of
 * sanction-service. Started once per test JVM so that every test class sharing the gateway's
 * configuration also shares one application context.
 */
final class Backends {

    static final String HEALTH_PROBE = "/livez";

    /** The priority of each backend's answer-anything stub; a test's own stubs (default priority 5) win. */
    private static final int BASE_PRIORITY = 10;

    static final WireMockServer CREDIT_A = start("credit");
    static final WireMockServer CREDIT_B = start("credit");
    static final WireMockServer SANCTION = start("sanction");

    private Backends() {
    }

    private static WireMockServer start(String name) {
        // Enough threads that a slow answer is slow, not queued: GatewayUnderLoadTest sends 128 at once.
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").containerThreads(160));
        server.start();
        server.stubFor(any(anyUrl()).atPriority(BASE_PRIORITY).willReturn(aResponse().withStatus(200).withBody(name)));
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    /**
     * Every backend answers any request with 200 and its name, and forgets what it received. The
     * base stub is never removed, not even for an instant: the gateway's health probes arrive at
     * any time, and one answered 404 would take the instance out of rotation.
     */
    static void reset() {
        for (WireMockServer server : List.of(CREDIT_A, CREDIT_B, SANCTION)) {
            server.resetRequests();
            server.listAllStubMappings().getMappings().stream()
                    .filter(stub -> !Integer.valueOf(BASE_PRIORITY).equals(stub.getPriority()))
                    .forEach(server::removeStub);
        }
    }

    static String creditUrls() {
        return CREDIT_A.baseUrl() + "," + CREDIT_B.baseUrl();
    }

    /** What the backend received from callers: the load balancer's health probes are left out. */
    static List<LoggedRequest> received(WireMockServer server) {
        return server.findAll(anyRequestedFor(anyUrl())).stream()
                .filter(request -> !request.getUrl().startsWith(HEALTH_PROBE))
                .toList();
    }

    static List<LoggedRequest> healthProbes(WireMockServer server) {
        return server.findAll(anyRequestedFor(urlPathEqualTo(HEALTH_PROBE)));
    }

    static List<LoggedRequest> creditReceived() {
        return Stream.concat(received(CREDIT_A).stream(), received(CREDIT_B).stream()).toList();
    }

    static List<LoggedRequest> allReceived() {
        return Stream.concat(creditReceived().stream(), received(SANCTION).stream()).toList();
    }
}
