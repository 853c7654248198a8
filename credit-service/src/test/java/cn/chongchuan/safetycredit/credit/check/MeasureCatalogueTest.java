package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The measure catalogue fetched from a stand-in sanction-service; the last good copy survives its failures. */
@ServiceTest
class MeasureCatalogueTest {

    static final WireMockServer sanction = new WireMockServer(options().dynamicPort());

    @Autowired
    MeasureCatalogue catalogue;

    @BeforeAll
    static void start() {
        sanction.start();
    }

    @AfterAll
    static void stop() {
        sanction.stop();
    }

    @DynamicPropertySource
    static void measuresFromWireMock(DynamicPropertyRegistry registry) {
        registry.add("credit.check.measures.url", sanction::baseUrl);
        registry.add("credit.check.measures.fetch", () -> "true");
        registry.add("credit.check.measures.refresh", () -> "PT1H");
        registry.add("credit.check.measures.read-timeout", () -> "PT0.5S");
    }

    @Test
    void theSeedCopyServesUntilSanctionAnswersThenTheLastGoodCopyOutlivesFailures() {
        sanction.resetAll();
        sanction.stubFor(get(urlPathEqualTo("/api/v1/measures")).willReturn(aResponse().withStatus(503)));
        catalogue.refresh();
        assertThat(catalogue.snapshot().source()).isEqualTo("seed");
        assertThat(catalogue.applicableTo("XZSPJ", "UNIT")).extracting(Measure::code).containsExactly("M-XZSPJ-01", "M-XZSPJ-02");

        sanction.stubFor(get(urlPathEqualTo("/api/v1/measures")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        [{"code":"M-XZSPJ-01","title":"限制新增项目审批、核准","department":"XZSPJ",
                          "legalBasis":"第十四条","subjectTypes":["UNIT"]},
                         {"code":"M-XZSPJ-09","title":"新措施","department":"XZSPJ","legalBasis":"第十四条",
                          "subjectTypes":["UNIT","PERSON"]},
                         {"code":"M-ZJJ-01","title":"招投标限制","department":"ZJJ","legalBasis":"x","subjectTypes":["UNIT"]}]
                        """)));
        catalogue.refresh();
        assertThat(catalogue.snapshot().source()).isEqualTo("sanction-service");
        assertThat(catalogue.applicableTo("XZSPJ", "UNIT")).extracting(Measure::code).containsExactly("M-XZSPJ-01", "M-XZSPJ-09");
        assertThat(catalogue.applicableTo("XZSPJ", "PERSON")).extracting(Measure::code).containsExactly("M-XZSPJ-09");
        sanction.verify(getRequestedFor(urlPathEqualTo("/api/v1/measures"))
                .withHeader("Authorization", matching("Bearer .+")));

        sanction.stubFor(get(urlPathEqualTo("/api/v1/measures")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        catalogue.refresh();
        sanction.stubFor(get(urlPathEqualTo("/api/v1/measures")).willReturn(aResponse().withStatus(200).withFixedDelay(2000)
                .withHeader("Content-Type", "application/json").withBody("[]")));
        long start = System.nanoTime();
        catalogue.refresh();
        assertThat((System.nanoTime() - start) / 1_000_000).as("read timeout").isLessThan(1900);

        assertThat(catalogue.snapshot().source()).isEqualTo("sanction-service");
        assertThat(catalogue.applicableTo("XZSPJ", "UNIT")).extracting(Measure::code).containsExactly("M-XZSPJ-01", "M-XZSPJ-09");
    }
}
