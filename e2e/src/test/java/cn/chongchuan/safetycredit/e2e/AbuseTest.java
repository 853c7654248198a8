package cn.chongchuan.safetycredit.e2e;

import cn.chongchuan.safetycredit.devstack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A small abuse corpus (issue 7, scenario 5, the part that runs in CI) on every documented
 * operation of both services, through the gateway, with a key whose role the route allows:
 * hostile path parameters (traversal, SQL metacharacters, Unicode look-alikes, NUL, overlong),
 * broken and wrongly typed JSON bodies, absurd query parameters, and a body over the size limit.
 * No answer may be a 5xx, and every 4xx must be an RFC 9457 problem.
 */
class AbuseTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Path parameter values an attacker or a careless client sends. */
    private static final List<String> HOSTILE_VALUES = List.of(
            "../../actuator/env", "..%2F..%2Factuator", "' OR '1'='1' --", "1; DROP TABLE listing", "%00", "\u0000",
            "９１３２０６０２ＭＡ１Ｎ２Ｘ３Ｙ４Ｑ", "91320602МА1N2Х3Y4Q", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
            "-1", "99999999999999999999999", "x".repeat(3000), "\u202Eevil");

    private static final List<String> HOSTILE_BODIES = List.of(
            "{", "[]", "null", "\"text\"", "{\"codes\":\"91320602HF392KKGQ5\"}", "{\"fineAmount\":\"many\",\"decisionDate\":\"yesterday\"}",
            "{\"x\":1e999999}", "[".repeat(5000) + "]".repeat(5000), "{\"reason\":\"" + "长".repeat(20_000) + "\"}",
            "\uFEFF{}", "{\"codes\":[null,1,{},\"' OR 1=1\"]}");

    private static final List<String> HOSTILE_QUERIES = List.of(
            "page=-1&size=100000", "size=abc", "from=yesterday&to=2026-13-45T99:00:00Z", "asOf=not-an-instant",
            "department=../../x&code=' OR 1=1", "subjectType=ALIEN", "state=%00");

    private static Stack stack;

    @BeforeAll
    static void system() {
        stack = RunningStack.get();
    }

    @Test
    void noHostileRequestOnAnyDocumentedOperationGetsAServerErrorAndEveryRefusalIsAProblem() throws Exception {
        List<String> serverErrors = new ArrayList<>();
        List<String> notProblems = new ArrayList<>();
        int tried = 0;
        for (String service : List.of("credit-service", "sanction-service")) {
            JsonNode paths = stack.anonymous().get("/v3/api-docs/" + service).ok().get("paths");
            for (Map.Entry<String, JsonNode> path : paths.properties()) {
                for (String method : path.getValue().propertyNames()) {
                    String verb = method.toUpperCase(Locale.ROOT);
                    String key = keyFor(verb, path.getKey());
                    for (HttpRequest.Builder request : hostileRequests(verb, path.getKey())) {
                        if (key != null) {
                            request.header("X-Api-Key", key);
                        }
                        HttpResponse<String> answer = send(request);
                        tried++;
                        String what = verb + " " + answer.uri() + " -> " + answer.statusCode();
                        if (answer.statusCode() >= 500) {
                            serverErrors.add(what + " " + answer.body());
                        } else if (answer.statusCode() >= 400 && !answer.headers().firstValue("Content-Type")
                                .orElse("").startsWith("application/problem+json")) {
                            notProblems.add(what + " " + answer.headers().firstValue("Content-Type").orElse("(none)"));
                        }
                    }
                }
            }
        }
        Path report = Path.of("target", "abuse-corpus.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "requests tried: " + tried + "\n5xx: " + serverErrors.size() + "\n4xx not a problem: "
                + notProblems.size() + "\n" + String.join("\n", serverErrors) + "\n" + String.join("\n", notProblems) + "\n");
        System.out.println("[abuse] requests tried: " + tried + ", 5xx: " + serverErrors.size()
                + ", 4xx that were not problems: " + notProblems.size());

        assertThat(tried).isGreaterThan(500);
        assertThat(serverErrors).as("5xx answers").isEmpty();
        assertThat(notProblems).as("4xx answers that are not problem responses").isEmpty();
    }

    @Test
    void aBodyOverTheLimitIs413AndTraversalOutOfTheApiFindsNothing() {
        String huge = "{\"codes\":[\"" + "9".repeat(2 * 1024 * 1024) + "\"]}";
        HttpResponse<String> tooLarge = send(request("POST", "/api/v1/checks").header("Content-Type", "application/json")
                .header("X-Api-Key", stack.department("XZSPJ").apiKey())
                .POST(HttpRequest.BodyPublishers.ofString(huge)));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        for (String path : List.of("/api/v1/public/..%2F..%2Factuator%2Fenv", "/api/v1/public/%2e%2e/%2e%2e/actuator/env",
                "/actuator/env", "/internal/v1/listing-events", "/api/v1/public/listings/..;/..;/actuator/env")) {
            HttpResponse<String> answer = send(request("GET", path).GET());
            assertThat(answer.statusCode()).as(path).isBetween(400, 499);
            assertThat(answer.body()).as(path).doesNotContain("SECURITY_INTERNAL_TOKEN_SECRET").doesNotContain("propertySources");
        }
    }

    private static List<HttpRequest.Builder> hostileRequests(String verb, String template) {
        List<HttpRequest.Builder> requests = new ArrayList<>();
        boolean hasParameter = template.contains("{");
        String valid = template.replaceAll("\\{[^}]+}", "987654321");
        if (hasParameter) {
            for (String value : HOSTILE_VALUES) {
                String path = template.replaceAll("\\{[^}]+}", java.util.regex.Matcher.quoteReplacement(
                        URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
                requests.add(withBody(verb, request(verb, path), "{}"));
            }
        }
        if (verb.equals("POST") || verb.equals("PUT")) {
            for (String body : HOSTILE_BODIES) {
                requests.add(withBody(verb, request(verb, valid), body));
            }
            requests.add(withBody(verb, request(verb, valid), "{}").header("Content-Type", "text/plain"));
        } else {
            for (String query : HOSTILE_QUERIES) {
                requests.add(request(verb, valid + "?" + query.replace("'", "%27").replace(" ", "%20")).method(verb,
                        HttpRequest.BodyPublishers.noBody()));
            }
        }
        return requests;
    }

    private static HttpRequest.Builder withBody(String verb, HttpRequest.Builder request, String body) {
        if (verb.equals("GET") || verb.equals("DELETE")) {
            return request.method(verb, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json").method(verb, HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder request(String verb, String path) {
        return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path)).timeout(Duration.ofSeconds(30));
    }

    /** A key of a department whose role the route allows (the role matrix knows), or none for public routes. */
    private static String keyFor(String verb, String template) {
        String pattern = template.replaceAll("\\{[^}]+}", "[^/]+");
        Set<String> allowed = RoleMatrixTest.routes().stream()
                .filter(route -> route.method().equals(verb) && route.path().split("\\?")[0].matches(pattern))
                .findFirst().map(RoleMatrixTest.Route::allowed).orElse(Set.of("ADMIN"));
        if (allowed.contains("PUBLIC")) {
            return null;
        }
        for (String role : List.of("ADMIN", "ENFORCEMENT", "APPROVAL", "PARTNER")) {
            if (allowed.contains(role)) {
                return switch (role) {
                    case "ADMIN" -> RunningStack.ONLY_ADMIN.apiKey();
                    case "ENFORCEMENT" -> RunningStack.ONLY_ENFORCEMENT.apiKey();
                    case "APPROVAL" -> RunningStack.ONLY_APPROVAL.apiKey();
                    default -> RunningStack.ONLY_PARTNER.apiKey();
                };
            }
        }
        return null;
    }

    /** Sends, waiting out the gateway's rate limit when the corpus outruns it (a 429 is not what is tested). */
    private static HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    answer.set(HTTP.send(built, HttpResponse.BodyHandlers.ofString()));
                    return answer.get().statusCode() != 429;
                });
        return answer.get();
    }
}
