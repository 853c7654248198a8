package cn.chongchuan.safetycredit.credit.outbox;

import cn.chongchuan.safetycredit.credit.CreditServiceApplication;
import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.support.Scenario;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.LocalDate;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.awaitility.Awaitility.await;

/**
 * The service dies after a listing commits and before its relay sends the event: the event is in
 * the outbox (same transaction), and the next instance to start delivers it.
 */
class RelayAfterCrashTest {

    private static ConfigurableApplicationContext start(boolean relayEnabled, String relayUrl) {
        // Command-line arguments outrank the test profile's settings (default properties would not).
        return new SpringApplicationBuilder(CreditServiceApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--security.internal-token.secret=" + TestTokens.SECRET,
                        "--credit.personal-data.hmac-key=" + ServiceTest.TEST_HMAC_KEY,
                        "--credit.personal-data.encryption-key=" + ServiceTest.TEST_ENCRYPTION_KEY,
                        "--credit.relay.enabled=" + relayEnabled,
                        "--credit.relay.url=" + relayUrl,
                        "--spring.jmx.enabled=false");
    }

    @Test
    void anEventCommittedBeforeTheCrashIsDeliveredAfterRestart() {
        WireMockServer sanction = new WireMockServer(options().dynamicPort());
        sanction.start();
        try {
            sanction.stubFor(post(urlEqualTo("/internal/v1/listing-events")).willReturn(aResponse().withStatus(202)));
            long listingId;
            // First life: the relay never gets to send (as if the process were killed right after the commit).
            try (ConfigurableApplicationContext first = start(false, sanction.baseUrl())) {
                int port = ((WebServerApplicationContext) first).getWebServer().getPort();
                Scenario scenario = new Scenario(Http.local(port));
                listingId = Scenario.unitListing(scenario.violation(aViolation()));
                scenario.list(listingId, LocalDate.now());
            }
            sanction.verify(0, postRequestedFor(urlEqualTo("/internal/v1/listing-events"))
                    .withRequestBody(containing("\"listingId\":" + listingId + ",")));

            // Second life: a fresh instance finds the event in the outbox and delivers it.
            try (ConfigurableApplicationContext second = start(true, sanction.baseUrl())) {
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> sanction.verify(1,
                        postRequestedFor(urlEqualTo("/internal/v1/listing-events"))
                                .withRequestBody(containing("\"listingId\":" + listingId + ","))
                                .withRequestBody(containing("\"eventType\":\"LISTING_STARTED\""))));
            }
        } finally {
            sanction.stop();
        }
    }
}
