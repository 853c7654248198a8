package cn.chongchuan.safetycredit.sanction.endpoint;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.sanction.testing.TestDepartments;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The endpoint policy through the running service: ADMIN cannot register an internal address, and
 * the dispatcher refuses one at send time, without calling it. The context allow-lists only
 * 127.0.0.1 (where the WireMock partners listen); 127.0.0.2 is loopback too and stays refused.
 */
@ServiceTest
class InternalEndpointsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    private TestDepartments departments;

    private Api api() {
        return new Api(port);
    }

    private TestDepartments departments() {
        if (departments == null) {
            departments = new TestDepartments(api());
        }
        return departments;
    }

    @AfterEach
    void disableTestDepartments() {
        departments().disableAll();
    }

    private Http.Response register(String code, String endpointUrl) {
        return api().put("/api/v1/departments/" + code, """
                {"name":"测试部门","roles":["PARTNER"],"endpointUrl":"%s","enabled":true}
                """.formatted(endpointUrl), Api.admin());
    }

    private long listUnit() {
        return ListingEvents.listUnit(api());
    }

    private Map<String, Object> notice(long listingId, String department) {
        return jdbc.queryForMap("SELECT id, status, flagged, last_reason, last_http_status FROM notice "
                + "WHERE listing_id = ? AND department_code = ? AND kind = 'SANCTION_START'", listingId, department);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.2:%d/actuator/health", "http://[::1]:%d/actuator/env",
            "http://10.0.0.5/notices", "http://192.168.0.10/notices", "http://100.64.0.1/notices",
            "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest/meta-data/",
            "http://metadata.google.internal/computeMetadata/v1/", "http://0.0.0.0:%d/",
            "http://user:secret@127.0.0.1:%d/notices"})
    void adminCannotRegisterAnEndpointOnTheServicesOwnNetworks(String template) {
        String code = TestDepartments.newCode("R");
        String url = template.contains("%d") ? template.formatted(port) : template;

        Http.Response refused = register(code, url);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("endpointUrl");
        assertThat(refused.json().get("errors").get(0).get("reason").asString()).startsWith("must ");
        assertThat(api().get("/api/v1/departments/" + code, Api.admin()).status()).isEqualTo(404);
    }

    @Test
    void theAllowListedPartnerAddressIsStillAccepted() {
        String code = TestDepartments.newCode("R");
        assertThat(register(code, "http://127.0.0.1:9/partners/" + code).status()).isEqualTo(200);
        api().put("/api/v1/departments/" + code, "{\"name\":\"测试部门\",\"roles\":[\"PARTNER\"],\"enabled\":false}",
                Api.admin());
    }

    @Test
    void aNoticeIsNotSentToAnEndpointThatNowPointsAtAnInternalAddressAndIsFlaggedInsteadOfRetried() {
        WireMockServer internal = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.2"));
        internal.start();
        try {
            internal.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("internal secret")));
            String code = TestDepartments.newCode("D");
            departments().register(code, "/moved/" + code);
            // The row now names an internal address, as if its name had been re-pointed in DNS or the
            // row predated the policy: registration cannot have caught it.
            jdbc.update("UPDATE department SET endpoint_url = ? WHERE code = ?",
                    "http://127.0.0.2:" + internal.port() + "/actuator/env", code);

            long listingId = listUnit();

            await().atMost(Duration.ofSeconds(15)).until(() -> "REJECTED".equals(notice(listingId, code).get("status")));
            Map<String, Object> refused = notice(listingId, code);
            assertThat(refused.get("flagged")).isIn(true, 1, 1L);
            assertThat((String) refused.get("last_reason")).startsWith("endpoint refused: ").contains("loopback")
                    .doesNotContain("internal secret");
            assertThat(refused.get("last_http_status")).isNull();
            assertThat(jdbc.queryForList("SELECT outcome, http_status FROM delivery_attempt WHERE notice_id = ?",
                    refused.get("id"))).singleElement()
                    .satisfies(a -> assertThat(a.get("outcome")).isEqualTo("REJECTED"));
            clock.advance(Duration.ofHours(1));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> "REJECTED".equals(notice(listingId, code).get("status")));
            assertThat(internal.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        } finally {
            internal.stop();
        }
    }

    @Test
    void aHostThatDoesNotResolveAtSendTimeIsAFailedRoundToRetryNotARefusal() {
        String code = TestDepartments.newCode("N");
        departments().register(code, "/dns/" + code);
        // As during a DNS outage: the name (registered when it resolved) does not resolve now.
        jdbc.update("UPDATE department SET endpoint_url = ? WHERE code = ?", "http://partner-" + code.toLowerCase()
                + ".invalid/notices", code);

        long listingId = listUnit();

        await().atMost(Duration.ofSeconds(15)).until(() -> notice(listingId, code).get("last_reason") != null);
        Map<String, Object> notice = notice(listingId, code);
        assertThat(notice.get("status")).isNotIn("REJECTED", "DEAD");
        assertThat(notice.get("flagged")).isIn(false, 0, 0L);
        assertThat((String) notice.get("last_reason")).startsWith("endpoint host cannot be resolved now");
        assertThat(jdbc.queryForList("SELECT outcome FROM delivery_attempt WHERE notice_id = ?", String.class,
                notice.get("id"))).isNotEmpty().containsOnly("FAILED");
    }

    @Test
    void lastReasonKeepsTheStatusCodeAndNeverWhatTheServerWrote() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Thread.ofVirtual().start(() -> answerEveryRequest(server,
                    "HTTP/1.1 503 db-password=hunter2\r\nContent-Type: text/plain\r\nContent-Length: 21\r\n"
                            + "Connection: close\r\n\r\nroot:x:0:0:root:/root"));
            String code = TestDepartments.newCode("L");
            departments().register(code, "/unused");
            assertThat(register(code, "http://127.0.0.1:" + server.getLocalPort() + "/notices").status()).isEqualTo(200);

            long listingId = listUnit();

            await().atMost(Duration.ofSeconds(15)).until(() -> {
                Map<String, Object> n = notice(listingId, code);
                return n.get("last_reason") != null && !"IN_FLIGHT".equals(n.get("status"));
            });
            assertThat(notice(listingId, code).get("last_reason")).isEqualTo("HTTP 503 Service Unavailable");
            assertThat(jdbc.queryForList("SELECT reason FROM delivery_attempt WHERE notice_id = ?", String.class,
                    notice(listingId, code).get("id"))).isNotEmpty().allSatisfy(reason ->
                    assertThat(reason).doesNotContain("hunter2").doesNotContain("root:"));
        }
    }

    /** A bare HTTP server: reads each request whole, then writes the given answer and closes. */
    private static void answerEveryRequest(ServerSocket server, String answer) {
        Pattern contentLength = Pattern.compile("(?im)^content-length:\\s*(\\d+)");
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                InputStream in = new BufferedInputStream(socket.getInputStream());
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    head.write(b);
                }
                Matcher length = contentLength.matcher(head.toString(StandardCharsets.ISO_8859_1));
                in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
                OutputStream out = socket.getOutputStream();
                out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // the socket was closed at the end of the test, or the client gave up: next one
            }
        }
    }
}
