package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.devstack.StandardWebhooksVerifier;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import cn.chongchuan.safetycredit.sanction.testing.PartnerEndpoints;
import cn.chongchuan.safetycredit.sanction.testing.TestDepartments;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * docs/partner-integration.md is true: its Java class is the one the tests verify with, and its
 * Python and openssl commands, run as printed, verify a notice sanction-service really sent (and
 * reject it tampered with, stale, or under another key); its curl command sends a notice that
 * verifies. Skipped (assumption) where python3, openssl or curl is absent.
 */
@ServiceTest
class PartnerIntegrationDocsTest {

    private static final Path DOC = Path.of("..", "docs", "partner-integration.md");
    private static final Path VERIFIER = Path.of("src", "test", "java", "cn", "chongchuan", "safetycredit", "sanction",
            "testing", "NoticeVerifier.java");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @TempDir
    Path dir;

    private final WireMockServer partners = PartnerEndpoints.server();
    private TestDepartments departments;
    private String secret;
    private String publicKey;
    private LoggedRequest notice;

    @BeforeEach
    void aRealSignedNotice() {
        departments = new TestDepartments(new Api(port));
        String code = TestDepartments.newCode("Q");
        String path = "/docs/" + code;
        secret = departments.register(code, path);
        publicKey = departments.addEd25519Key(code);
        Http.Response listed = new Api(port).post("/internal/v1/listing-events",
                ListingEvents.aUnitListed(ListingEvents.newListingId()).json(), Api.service());
        assertThat(listed.status()).as(listed.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> !partners.findAll(postRequestedFor(urlEqualTo(path))).isEmpty());
        notice = partners.findAll(postRequestedFor(urlEqualTo(path))).getFirst();
    }

    @AfterEach
    void disableTestDepartments() {
        departments.disableAll();
    }

    private static String block(String name) throws IOException {
        Matcher m = Pattern.compile("<!-- tested: " + name + " -->\\n```\\w+\\n(.*?)\\n```", Pattern.DOTALL)
                .matcher(Files.readString(DOC));
        assertThat(m.find()).as("a block marked 'tested: " + name + "' in " + DOC).isTrue();
        return m.group(1) + "\n";
    }

    private static boolean available(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private record Run(int exit, String output) {
    }

    private Run run(Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
        return new Run(process.exitValue(), output);
    }

    private long timestamp() {
        return Long.parseLong(notice.getHeader("webhook-timestamp"));
    }

    @Test
    void theJavaClassOfThePageIsTheOneTheTestsVerifyWith() throws IOException {
        String source = Files.readString(VERIFIER);
        String withoutPackage = source.substring(source.indexOf("import "));

        assertThat(block("java")).isEqualTo(withoutPackage);
    }

    @Test
    void thePythonOfThePageVerifiesARealNoticeAndRejectsATamperedOrStaleOne() throws Exception {
        assumeTrue(available("python3", "--version"), "python3 is not installed");
        Files.writeString(dir.resolve("verify.py"), block("python") + """

                import json, sys
                args = json.load(open(sys.argv[1]))
                body = open(args["body"], "rb").read()
                print(verify_notice(args["headers"], body, args["secrets"], args["public_keys"], args["now"]))
                """);
        Files.write(dir.resolve("body.json"), notice.getBody());
        Files.write(dir.resolve("tampered.json"), notice.getBodyAsString().replace("南通", "北京")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(python("body.json", List.of(secret), List.of(), timestamp())).isEqualTo("True");
        assertThat(python("tampered.json", List.of(secret), List.of(), timestamp())).isEqualTo("False");
        assertThat(python("body.json", List.of(secret), List.of(), timestamp() + 301)).isEqualTo("False");
        assertThat(python("body.json", List.of("whsec_" + "A".repeat(43) + "="), List.of(), timestamp()))
                .isEqualTo("False");
        assumeTrue(available("python3", "-c", "import cryptography"), "the cryptography package is not installed");
        assertThat(python("body.json", List.of(), List.of(publicKey), timestamp())).isEqualTo("True");
        assertThat(python("tampered.json", List.of(), List.of(publicKey), timestamp())).isEqualTo("False");
    }

    private String python(String body, List<String> secrets, List<String> publicKeys, long now) throws Exception {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("headers", Map.of("webhook-id", notice.getHeader("webhook-id"),
                "webhook-timestamp", notice.getHeader("webhook-timestamp"),
                "webhook-signature", notice.getHeader("webhook-signature")));
        args.put("body", body);
        args.put("secrets", secrets);
        args.put("public_keys", publicKeys);
        args.put("now", now);
        Files.writeString(dir.resolve("args.json"), tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(args));
        Run run = run(Map.of(), "python3", "verify.py", "args.json");
        assertThat(run.exit()).as(run.output()).isZero();
        return run.output().strip();
    }

    @Test
    void theOpensslCommandsOfThePageVerifyARealNoticeAndRejectATamperedStaleOrForeignOne() throws Exception {
        assumeTrue(available("openssl", "version"), "openssl is not installed");
        assumeTrue(available("bash", "-c", "true"), "bash is not installed");
        Files.writeString(dir.resolve("verify.sh"), block("openssl"));
        Files.write(dir.resolve("body.json"), notice.getBody());

        Run both = openssl(secret, publicKey, timestamp());
        assertThat(both.exit()).as(both.output()).isZero();
        assertThat(both.output()).isEqualTo("v1 verified\nv1a verified\n");
        Run v1 = openssl(secret, "", timestamp());
        assertThat(v1.output()).isEqualTo("v1 verified\n");
        assertThat(openssl(secret, publicKey, timestamp() + 301).exit()).as("stale").isEqualTo(1);
        assertThat(openssl("whsec_" + "A".repeat(43) + "=", publicKey, timestamp()).exit()).as("another secret")
                .isEqualTo(1);
        Files.write(dir.resolve("body.json"), notice.getBodyAsString().replace("南通", "北京")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(openssl(secret, "", timestamp()).exit()).as("tampered").isEqualTo(1);
    }

    private Run openssl(String secret, String publicKey, long now) throws Exception {
        return run(Map.of("WEBHOOK_ID", notice.getHeader("webhook-id"),
                "WEBHOOK_TIMESTAMP", notice.getHeader("webhook-timestamp"),
                "WEBHOOK_SIGNATURE", notice.getHeader("webhook-signature"),
                "SECRET", secret, "PUBLIC_KEY", publicKey, "NOW", Long.toString(now)), "bash", "verify.sh");
    }

    @Test
    void theCurlCommandOfThePageSendsANoticeThatVerifies() throws Exception {
        assumeTrue(available("openssl", "version"), "openssl is not installed");
        assumeTrue(available("curl", "--version"), "curl is not installed");
        String path = "/docs-curl/" + TestDepartments.newCode("C");
        Files.writeString(dir.resolve("send.sh"), block("curl"));

        Run sent = run(Map.of("ENDPOINT", PartnerEndpoints.url(path), "SECRET", secret), "bash", "send.sh");

        assertThat(sent.exit()).as(sent.output()).isZero();
        assertThat(sent.output()).isEqualTo("200\n");
        LoggedRequest request = partners.findAll(postRequestedFor(urlEqualTo(path))).getFirst();
        // The command signs with the real time, not the tests' clock.
        assertThat(new StandardWebhooksVerifier(List.of(secret), List.of(), Clock.systemUTC()).verifies(
                request.getHeader("webhook-id"), request.getHeader("webhook-timestamp"),
                request.getHeader("webhook-signature"), request.getBody())).isTrue();
    }
}
