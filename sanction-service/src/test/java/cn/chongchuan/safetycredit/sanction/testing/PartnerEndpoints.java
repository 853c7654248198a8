package cn.chongchuan.safetycredit.sanction.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

/**
 * One WireMock server per test JVM standing in for the partner departments' endpoints. Anything
 * not stubbed by a test answers 200, so notices left over from other tests are simply delivered.
 */
public final class PartnerEndpoints {

    private static WireMockServer server;

    private PartnerEndpoints() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                    .containerThreads(60).jettyAcceptors(2));
            server.start();
            server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(200)));
            WireMockServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "partner-endpoints-stop"));
        }
        return server;
    }

    /** The URL a test department is registered with. */
    public static String url(String path) {
        return server().baseUrl() + path;
    }
}
