package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.platform.token.TestTokens;
import cn.chongchuan.safetycredit.sanction.SanctionServiceApplication;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import cn.chongchuan.safetycredit.sanction.testing.PartnerEndpoints;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.sanction.testing.TestDepartments;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two running instances of the service on one database, both dispatching. */
@ServiceTest
class SecondInstanceTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    private final WireMockServer partners = PartnerEndpoints.server();

    @Test
    void twoInstancesShareTheDeliveriesAndNeverSendANoticeTwice() {
        String prefix = "/pair" + System.nanoTime() + "/";
        partners.stubFor(post(urlPathMatching(prefix + ".*")).willReturn(aResponse().withStatus(200).withFixedDelay(50)));
        Api api = new Api(port);
        TestDepartments departments = new TestDepartments(api);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String code = TestDepartments.newCode("W");
            departments.register(code, prefix + code);
            codes.add(code);
        }
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(SanctionServiceApplication.class)
                .initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock))
                .profiles("test")
                .properties("server.port=0", "security.internal-token.secret=" + TestTokens.SECRET,
                        "sanction.endpoints.allow-http=true", "sanction.endpoints.allowed-hosts=127.0.0.1",
                        "sanction.delivery.instance-id=second-instance", "sanction.delivery.poll-interval=50ms",
                        "sanction.delivery.read-timeout=1s", "sanction.delivery.lease=20s",
                        "sanction.delivery.retry.max-attempts=2", "sanction.delivery.bulkhead.max-concurrent-calls=2")
                .run()) {
            // credit-service reaches whichever instance the load balancer picks: alternate between them.
            Api secondApi = new Api(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
            List<Long> listings = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                long listingId = ListingEvents.newListingId();
                assertThat((i % 2 == 0 ? api : secondApi).post("/internal/v1/listing-events",
                        ListingEvents.aUnitListed(listingId).json(), Api.service()).status()).isEqualTo(202);
                listings.add(listingId);
            }
            String in = listings.stream().map(String::valueOf).collect(Collectors.joining(","));
            String ours = codes.stream().map(c -> "'" + c + "'").collect(Collectors.joining(","));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM notice "
                    + "WHERE status = 'DELIVERED' AND listing_id IN (" + in + ") AND department_code IN (" + ours + ")",
                    Integer.class) == 50);

            Map<String, Long> sends = partners.findAll(postRequestedFor(urlPathMatching(prefix + ".*"))).stream()
                    .collect(Collectors.groupingBy(r -> r.getHeader("X-Notice-Id"), Collectors.counting()));
            assertThat(sends).hasSize(50).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
            assertThat(jdbc.queryForList("SELECT DISTINCT a.dispatcher FROM delivery_attempt a JOIN notice n "
                    + "ON n.id = a.notice_id WHERE n.listing_id IN (" + in + ")", String.class))
                    .contains("second-instance").hasSizeGreaterThanOrEqualTo(2);
        } finally {
            departments.disableAll();
        }
    }
}
