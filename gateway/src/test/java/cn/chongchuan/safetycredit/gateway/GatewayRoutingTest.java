package cn.chongchuan.safetycredit.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    static WireMockServer credit = new WireMockServer(options().dynamicPort());
    static WireMockServer sanction = new WireMockServer(options().dynamicPort());

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBackends() {
        credit.start();
        sanction.start();
        credit.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("credit")));
        sanction.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("sanction")));
    }

    @AfterAll
    static void stopBackends() {
        credit.stop();
        sanction.stop();
    }

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("gateway.credit-url", credit::baseUrl);
        registry.add("gateway.sanction-url", sanction::baseUrl);
    }

    @Test
    void blacklistAndCheckPathsGoToCreditService() throws Exception {
        assertThat(get("/api/v1/checks/91310110666007217T").body()).isEqualTo("credit");
        assertThat(get("/api/v1/public/listings?q=x").body()).isEqualTo("credit");
    }

    @Test
    void noticePathsGoToSanctionService() throws Exception {
        assertThat(get("/api/v1/notices/42").body()).isEqualTo("sanction");
        assertThat(get("/api/v1/measures?department=ZJJ").body()).isEqualTo("sanction");
    }

    @Test
    void internalAndUnknownPathsAreNeverRouted() throws Exception {
        assertThat(get("/internal/v1/listing-events").statusCode()).isEqualTo(404);
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(404);
        assertThat(credit.getAllServeEvents()).noneMatch(e -> e.getRequest().getUrl().startsWith("/internal"));
        assertThat(sanction.getAllServeEvents()).noneMatch(e -> e.getRequest().getUrl().startsWith("/internal"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
