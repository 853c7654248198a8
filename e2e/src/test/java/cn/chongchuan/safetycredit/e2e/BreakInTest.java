package cn.chongchuan.safetycredit.e2e;

import cn.chongchuan.safetycredit.devstack.GatewayClient;
import cn.chongchuan.safetycredit.devstack.Stack;
import cn.chongchuan.safetycredit.platform.token.InternalTokenProperties;
import cn.chongchuan.safetycredit.platform.token.InternalTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Break-in attempts on the running system (issue 7, scenario 6, the part that runs in CI): tokens
 * sent straight to the services — none, forged, expired (a replay after its minute), too
 * long-lived, unsigned, for another audience — and identities spoofed through the gateway. Each
 * refusal is checked next to an accepted control request, so the test fails if validation is off.
 */
class BreakInTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> SERVICES = List.of("credit-service", "sanction-service");

    private static Stack stack;
    private static InternalTokenProperties realKey;

    @BeforeAll
    static void system() {
        stack = RunningStack.get();
        realKey = new InternalTokenProperties(stack.internalTokenSecret(), "safety-credit-gateway", Duration.ofSeconds(60));
    }

    @Test
    void aTokenTheGatewayWouldMintIsAcceptedTheControl() {
        for (String service : SERVICES) {
            HttpResponse<String> me = direct(service, "/api/v1/me", "Bearer " + tokens(realKey, Instant.now()).issue("AWB", List.of("ADMIN")));
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            assertThat(json(me).get("department").asString()).isEqualTo("AWB");
        }
    }

    @Test
    void noTokenForgedExpiredOrLongLivedTokensAreRefusedByEveryService() {
        InternalTokenProperties otherKey = new InternalTokenProperties(randomKey(), "safety-credit-gateway", Duration.ofSeconds(60));
        Map<String, String> attempts = Map.of(
                "no token", "",
                "signed with another key", "Bearer " + tokens(otherKey, Instant.now()).issue("AWB", List.of("ADMIN")),
                "replayed after it expired", "Bearer " + tokens(realKey, Instant.now().minusSeconds(120)).issue("AWB", List.of("ADMIN")),
                "from another issuer", "Bearer " + tokens(new InternalTokenProperties(stack.internalTokenSecret(), "someone-else",
                        Duration.ofSeconds(60)), Instant.now()).issue("AWB", List.of("ADMIN")),
                "unsigned (alg none)", "Bearer " + unsigned(),
                "not a token", "Bearer ' OR '1'='1",
                "an API key sent to the service", "ApiKey " + stack.department("AWB").apiKey());
        for (String service : SERVICES) {
            for (Map.Entry<String, String> attempt : attempts.entrySet()) {
                HttpResponse<String> answer = direct(service, "/api/v1/me", attempt.getValue());
                assertThat(answer.statusCode()).as(service + ": " + attempt.getKey() + " " + answer.body()).isEqualTo(401);
                assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void withoutATokenTheServicesAnswerNothingButHealthProbesEvenOnPublicPaths() {
        for (String service : SERVICES) {
            for (String path : List.of("/api/v1/public/listings", "/api/v1/public/check-signing-key", "/v3/api-docs",
                    "/actuator/health", "/actuator/prometheus", "/actuator/env")) {
                HttpResponse<String> answer = direct(service, path, "");
                assertThat(answer.statusCode()).as(service + path + " " + answer.body()).isEqualTo(401);
            }
            assertThat(direct(service, "/livez", "").statusCode()).as(service + " liveness").isEqualTo(200);
        }
        // The control: the same public path answers through the gateway, which sends its anonymous token.
        assertThat(stack.anonymous().get("/api/v1/public/listings").status()).isEqualTo(200);
    }

    @Test
    void theServicesListenOnLoopbackOnly() throws Exception {
        for (String service : SERVICES) {
            int port = URI.create(stack.serviceUrl(service)).getPort();
            assertThat(listeningAddresses(port)).as(service + " listening on port " + port)
                    .isNotEmpty().allMatch(address -> address.isLoopbackAddress());
        }
    }

    /** The local addresses of the sockets listening on this TCP port, from the kernel's table (Linux). */
    private static List<InetAddress> listeningAddresses(int port) throws Exception {
        List<InetAddress> addresses = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.isReadable(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (String line : lines.subList(1, lines.size())) {
                String[] fields = line.trim().split("\\s+");
                String[] local = fields[1].split(":");
                boolean listening = fields[3].equals("0A");
                if (listening && Integer.parseInt(local[1], 16) == port) {
                    addresses.add(InetAddress.getByAddress(kernelOrder(local[0])));
                }
            }
        }
        return addresses;
    }

    /** /proc/net/tcp prints each 32-bit word of the address in host (little-endian) order. */
    private static byte[] kernelOrder(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        for (int word = 0; word < bytes.length; word += 4) {
            for (int i = 0; i < 2; i++) {
                byte swap = bytes[word + i];
                bytes[word + i] = bytes[word + 3 - i];
                bytes[word + 3 - i] = swap;
            }
        }
        return bytes;
    }

    @Test
    void onlyAServiceTokenMayPostListingEventsAndTheGatewayNeverRoutesInternalPaths() {
        String admin = "Bearer " + tokens(realKey, Instant.now()).issue("AWB", List.of("ADMIN"));
        HttpResponse<String> asAdmin = send(HttpRequest.newBuilder(URI.create(stack.serviceUrl("sanction-service")
                + "/internal/v1/listing-events")).header("Authorization", admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(asAdmin.statusCode()).as(asAdmin.body()).isEqualTo(403);

        GatewayClient.Answer throughGateway = stack.as("AWB").post("/internal/v1/listing-events", "{}");
        assertThat(throughGateway.status()).isEqualTo(404);
    }

    @Test
    void identityHeadersAndBearerTokensSentToTheGatewayAreIgnored() {
        String validInternal = "Bearer " + tokens(realKey, Instant.now()).issue("AWB", List.of("ADMIN"));
        // A valid internal token is no key: the gateway does not accept it from a client.
        HttpResponse<String> bearerOnly = send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/me"))
                .header("Authorization", validInternal).GET());
        assertThat(bearerOnly.statusCode()).isEqualTo(401);

        // A partner's key with spoofed identity headers stays the partner.
        HttpResponse<String> spoofed = send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/me"))
                .header("X-Api-Key", RunningStack.ONLY_PARTNER.apiKey())
                .header("X-Department", "AWB").header("X-Roles", "ADMIN").header("X-User", "admin")
                .header("X-Forwarded-User", "admin").header("X-Forwarded-For", "10.0.0.1").GET());
        assertThat(spoofed.statusCode()).as(spoofed.body()).isEqualTo(200);
        JsonNode me = json(spoofed);
        assertThat(me.get("department").asString()).isEqualTo("ZJJ");
        assertThat(me.get("roles").toString()).contains("PARTNER").doesNotContain("ADMIN");

        // And cannot reach an ADMIN route with them.
        HttpResponse<String> adminRoute = send(HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/v1/departments"))
                .header("X-Api-Key", RunningStack.ONLY_PARTNER.apiKey()).header("X-Roles", "ADMIN").GET());
        assertThat(adminRoute.statusCode()).isEqualTo(403);
    }

    private static InternalTokens tokens(InternalTokenProperties key, Instant at) {
        return new InternalTokens(key, Clock.fixed(at, ZoneOffset.UTC));
    }

    private static String unsigned() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"safety-credit-gateway\",\"aud\":[\"safety-credit-services\"],"
                + "\"sub\":\"AWB\",\"dept\":\"AWB\",\"roles\":[\"ADMIN\"],\"iat\":" + now + ",\"exp\":" + (now + 30) + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static HttpResponse<String> direct(String service, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.serviceUrl(service) + path)).GET();
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
