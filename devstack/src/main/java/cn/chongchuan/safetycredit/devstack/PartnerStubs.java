package cn.chongchuan.safetycredit.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Stand-ins for the partner departments' systems: one loopback HTTP server, one path per department
 * ({@code /partners/<code>/notices}). Each notice is verified as docs/partner-integration.md tells a
 * department to, per the Standard Webhooks specification ({@code webhook-id}, {@code webhook-timestamp},
 * {@code webhook-signature}: a {@code v1} HMAC with the department's secret and, when the department
 * has an Ed25519 public key, a {@code v1a} signature too; timestamp within 5 minutes; id not seen
 * before) with {@link StandardWebhooksVerifier} (Bouncy Castle, independent of the sender's code),
 * logged, and kept for tests. Optionally fails a share of requests, or all requests
 * of chosen departments, to exercise retries.
 */
public final class PartnerStubs implements AutoCloseable {

    /** The loopback address the stubs listen on; sanction-service is told to allow it (Stack). */
    public static final String HOST = "127.0.0.1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One notice a department accepted.
     *
     * @param traceparent the W3C traceparent header it came with (docs/operations.md, "Traces"), or null
     */
    public record Received(String department, String noticeId, String kind, long listingId, JsonNode body, Instant at,
            String traceparent) {
    }

    private final HttpServer server;
    private final Path log;
    private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();
    private final Map<String, List<String>> publicKeys = new ConcurrentHashMap<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private volatile double failureRate;
    private volatile int duplicates;
    private volatile int rejected;

    private PartnerStubs(HttpServer server, Path log) {
        this.server = server;
        this.log = log;
    }

    public static PartnerStubs start(int port, Path log) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(HOST), port), 50);
            PartnerStubs stubs = new PartnerStubs(server, log);
            server.createContext("/partners/", stubs::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return stubs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the partner stubs", e);
        }
    }

    /** The URL a department's notices go to. */
    public String endpointFor(String department) {
        return "http://" + HOST + ":" + server.getAddress().getPort() + "/partners/" + department + "/notices";
    }

    /** Installs a department's signing secret ({@code whsec_…}; the newest first while rotating). */
    public void trust(String department, String secret) {
        secrets.computeIfAbsent(department, d -> new CopyOnWriteArrayList<>()).addFirst(secret);
    }

    /** Installs a department's Ed25519 public key ({@code whpk_…}): its notices must then carry a valid {@code v1a}. */
    public void trustPublicKey(String department, String publicKey) {
        publicKeys.computeIfAbsent(department, d -> new CopyOnWriteArrayList<>()).addFirst(publicKey);
    }

    /** Makes this share (0–1) of all requests fail with 503, at random. */
    public void failRandomly(double rate) {
        this.failureRate = rate;
    }

    /** Makes a department's endpoint answer 503 (true) or work again (false). */
    public void setDown(String department, boolean isDown) {
        if (isDown) {
            down.add(department);
        } else {
            down.remove(department);
        }
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(String department) {
        return received.stream().filter(r -> r.department().equals(department)).toList();
    }

    /** Notices delivered again after the department had already accepted them (seen on the wire). */
    public int duplicates() {
        return duplicates;
    }

    /** Requests whose signature or timestamp did not verify. */
    public int rejected() {
        return rejected;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String[] parts = exchange.getRequestURI().getPath().split("/");
            String department = parts.length > 2 ? parts[2] : "";
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())) {
                respond(exchange, 405);
                return;
            }
            if (down.contains(department) || (failureRate > 0 && ThreadLocalRandom.current().nextDouble() < failureRate)) {
                respond(exchange, 503);
                return;
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            if (!verifies(department, id, timestamp, signature, body)) {
                rejected++;
                write(department + " REJECTED notice " + id + " (signature or timestamp does not verify)");
                respond(exchange, 401);
                return;
            }
            if (!seen.add(id)) {
                duplicates++;
                write(department + " duplicate notice " + id + " (already accepted; answered 200, ignored)");
                respond(exchange, 200);
                return;
            }
            JsonNode notice = JSON.readTree(body);
            Received entry = new Received(department, id, notice.path("kind").asString(),
                    notice.path("listing").path("listingId").asLong(), notice, Instant.now(),
                    exchange.getRequestHeaders().getFirst("traceparent"));
            received.add(entry);
            write(department + " accepted " + entry.kind() + " notice " + id + " for listing " + entry.listingId()
                    + " (" + notice.path("listing").path("subjectName").asString() + "), measures "
                    + notice.path("measures").findValuesAsString("code"));
            respond(exchange, 200);
        }
    }

    /**
     * The check every pushed notice must pass here (Standard Webhooks, with the department's secrets
     * and public keys, by an implementation independent of the sender's): tests apply it to pulled
     * notices too, which must pass it exactly as pushed ones do.
     */
    public boolean verifies(String department, String id, String timestamp, String header, byte[] body) {
        List<String> keys = secrets.getOrDefault(department, List.of());
        if (keys.isEmpty()) {
            return false;
        }
        return new StandardWebhooksVerifier(keys, publicKeys.getOrDefault(department, List.of()), Clock.systemUTC())
                .verifies(id, timestamp, header, body);
    }

    private void write(String line) {
        try {
            Files.writeString(log, Instant.now() + " " + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the log is a convenience; the record in memory is what tests read
        }
    }

    private static void respond(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
