package cn.chongchuan.safetycredit.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock servers standing in for the services: two instances of credit-service, one of
 * sanction-service. Started once per test JVM so that every test class sharing the gateway's
 * configuration also shares one application context.
 */
final class Backends {

    static final WireMockServer CREDIT_A = start();
    static final WireMockServer CREDIT_B = start();
    static final WireMockServer SANCTION = start();

    private Backends() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    /** Every backend answers any request with 200 and its name, and forgets what it received. */
    static void reset() {
        for (WireMockServer server : List.of(CREDIT_A, CREDIT_B, SANCTION)) {
            server.resetAll();
        }
        CREDIT_A.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("credit")));
        CREDIT_B.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("credit")));
        SANCTION.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("sanction")));
    }

    static String creditUrls() {
        return CREDIT_A.baseUrl() + "," + CREDIT_B.baseUrl();
    }

    static List<LoggedRequest> received(WireMockServer server) {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    static List<LoggedRequest> creditReceived() {
        return Stream.concat(received(CREDIT_A).stream(), received(CREDIT_B).stream()).toList();
    }

    static List<LoggedRequest> allReceived() {
        return Stream.concat(creditReceived().stream(), received(SANCTION).stream()).toList();
    }
}
