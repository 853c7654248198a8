package cn.chongchuan.safetycredit.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The one-command local run: embedded MariaDB and Redis, then credit-service, sanction-service and
 * the gateway, each in its own JVM as in production. Stays in the foreground; Ctrl-C (or any
 * service dying) stops every process it started.
 *
 * <p>Arguments: the repository root (default: the working directory). Ports come from
 * {@code GATEWAY_PORT}, {@code CREDIT_PORT}, {@code SANCTION_PORT}, {@code DEVSTACK_MARIADB_PORT}
 * and {@code DEVSTACK_REDIS_PORT} (defaults 8080, 8081, 8082, 0 = free, 0 = free).
 *
 * <p>At every start it makes a fresh API key for one demo department per role, gives the gateway
 * only their SHA-256 hashes, and prints the keys (also written to
 * {@code target/local-run/demo-keys.env}).
 */
public final class LocalStack {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /**
     * One demo department per role, with that department's roles as in seeds/departments.yaml. Each
     * gets a fresh API key at every start; the gateway is given only the keys' SHA-256 hashes.
     */
    private static final List<DemoDepartment> DEMO_DEPARTMENTS = List.of(
            new DemoDepartment("ADMIN", "AWB", List.of("ADMIN")),
            new DemoDepartment("APPROVAL", "XZSPJ", List.of("APPROVAL", "PARTNER")),
            new DemoDepartment("ENFORCEMENT", "AJJ", List.of("ENFORCEMENT", "PARTNER")),
            new DemoDepartment("PARTNER", "ZJJ", List.of("ENFORCEMENT", "PARTNER")));

    private record DemoDepartment(String role, String code, List<String> roles) {
    }

    private record DemoKey(DemoDepartment department, String key) {
    }

    private final Path root;
    private final Path logDir;
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedMariaDb mariaDb;
    private EmbeddedRedis redis;
    private volatile boolean stopping;

    private LocalStack(Path root) {
        this.root = root;
        this.logDir = root.resolve("target/local-run");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(root);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stopAll();
            stopped.countDown();
        }, "local-stack-shutdown"));
        try {
            stack.startAll();
        } catch (EmbeddedStartException | IllegalStateException e) {
            System.err.println("local run failed: " + e.getMessage());
            System.exit(1);
        }
        if (stack.watchUntilOneDies()) {
            System.exit(1);
        }
    }

    private void startAll() throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Instant began = Instant.now();
        say("starting embedded MariaDB and Redis …");
        mariaDb = EmbeddedMariaDb.start(envInt("DEVSTACK_MARIADB_PORT", 0));
        mariaDb.createDatabase("credit");
        mariaDb.createDatabase("sanction");
        redis = EmbeddedRedis.start(envInt("DEVSTACK_REDIS_PORT", 0));
        say("MariaDB on 127.0.0.1:" + mariaDb.port() + ", Redis on 127.0.0.1:" + redis.port());

        int creditPort = envInt("CREDIT_PORT", 8081);
        int sanctionPort = envInt("SANCTION_PORT", 8082);
        int gatewayPort = envInt("GATEWAY_PORT", 8080);
        for (int port : List.of(creditPort, sanctionPort, gatewayPort)) {
            if (FreePort.isTaken(port)) {
                throw new IllegalStateException("port " + port + " is already in use; set GATEWAY_PORT, CREDIT_PORT or SANCTION_PORT");
            }
        }
        // One development signing key for this run only, shared by the gateway and the services.
        String internalKey = randomKey();

        Map<String, String> common = new LinkedHashMap<>();
        common.put("SPRING_PROFILES_ACTIVE", "local");
        common.put("SPRING_DATA_REDIS_URL", redis.url());
        common.put("SECURITY_INTERNAL_TOKEN_SECRET", internalKey);

        Map<String, String> credit = new LinkedHashMap<>(common);
        credit.put("SERVER_PORT", String.valueOf(creditPort));
        credit.put("SPRING_DATASOURCE_URL", mariaDb.jdbcUrl("credit"));
        credit.put("SPRING_DATASOURCE_USERNAME", mariaDb.username());
        credit.put("SPRING_DATASOURCE_PASSWORD", "");
        services.add(ServiceProcess.start("credit-service", jar("credit-service"), creditPort, credit, logDir));

        Map<String, String> sanction = new LinkedHashMap<>(common);
        sanction.put("SERVER_PORT", String.valueOf(sanctionPort));
        sanction.put("SPRING_DATASOURCE_URL", mariaDb.jdbcUrl("sanction"));
        sanction.put("SPRING_DATASOURCE_USERNAME", mariaDb.username());
        sanction.put("SPRING_DATASOURCE_PASSWORD", "");
        services.add(ServiceProcess.start("sanction-service", jar("sanction-service"), sanctionPort, sanction, logDir));

        // The gateway reaches Redis (rate limits) through SPRING_DATA_REDIS_URL in `common`.
        Map<String, String> gateway = new LinkedHashMap<>(common);
        gateway.put("SERVER_PORT", String.valueOf(gatewayPort));
        gateway.put("GATEWAY_CREDIT_URLS", "http://127.0.0.1:" + creditPort);
        gateway.put("GATEWAY_SANCTION_URLS", "http://127.0.0.1:" + sanctionPort);
        List<DemoKey> demoKeys = DEMO_DEPARTMENTS.stream().map(department -> new DemoKey(department, randomApiKey())).toList();
        for (int i = 0; i < demoKeys.size(); i++) {
            DemoKey demo = demoKeys.get(i);
            gateway.put("GATEWAY_APIKEYS_" + i + "_SHA256", sha256Hex(demo.key()));
            gateway.put("GATEWAY_APIKEYS_" + i + "_DEPARTMENT", demo.department().code());
            gateway.put("GATEWAY_APIKEYS_" + i + "_ROLES", String.join(",", demo.department().roles()));
            gateway.put("GATEWAY_APIKEYS_" + i + "_LABEL", "local-run demo " + demo.department().role());
        }
        services.add(ServiceProcess.start("gateway", jar("gateway"), gatewayPort, gateway, logDir));

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        for (ServiceProcess service : services) {
            awaitReady(http, service, deadline);
            say(String.format("%-17s ready at %s  (log: %s)", service.name(), service.url(),
                    root.relativize(service.log())));
        }
        say("all services ready in " + Duration.between(began, Instant.now()).toSeconds() + " s");
        Path keyFile = writeDemoKeys(demoKeys, gatewayPort);
        say("demo API keys for this run (send as 'Authorization: ApiKey <key>' or 'X-Api-Key: <key>'):");
        for (DemoKey demo : demoKeys) {
            say(String.format("  %-12s %-6s %-21s %s", demo.department().role(), demo.department().code(),
                    String.join(",", demo.department().roles()), demo.key()));
        }
        say("  (also in " + root.relativize(keyFile) + ", e.g. for scripts/demo.sh)");
        say("  try: curl -H 'Authorization: ApiKey " + demoKeys.getFirst().key() + "' http://127.0.0.1:" + gatewayPort
                + "/api/v1/me");
        say("gateway: http://127.0.0.1:" + gatewayPort + "   — press Ctrl-C to stop everything");
    }

    /** The demo keys as shell variables (DEMO_KEY_ADMIN=…), readable only by the user running the stack. */
    private Path writeDemoKeys(List<DemoKey> demoKeys, int gatewayPort) throws IOException {
        Path file = logDir.resolve("demo-keys.env");
        StringBuilder content = new StringBuilder("# API keys of this local run only; they change at every start.\n");
        content.append("GATEWAY_URL=http://127.0.0.1:").append(gatewayPort).append('\n');
        for (DemoKey demo : demoKeys) {
            content.append("DEMO_KEY_").append(demo.department().role()).append('=').append(demo.key()).append('\n');
        }
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, content);
        return file;
    }

    private void awaitReady(HttpClient http, ServiceProcess service, Instant deadline) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException(service.name() + " exited during start-up; see " + service.log());
            }
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException(service.name() + " was not ready within " + READY_TIMEOUT.toSeconds()
                + " s; see " + service.log());
    }

    /** Returns true when a service died on its own, false when the run is being stopped. */
    private boolean watchUntilOneDies() throws InterruptedException {
        while (!stopping) {
            for (ServiceProcess service : List.copyOf(services)) {
                if (!service.isAlive() && !stopping) {
                    say(service.name() + " exited (code " + service.exitCode() + "); stopping everything. See "
                            + service.log());
                    return true;
                }
            }
            TimeUnit.SECONDS.sleep(1);
        }
        return false;
    }

    private synchronized void stopAll() {
        stopping = true;
        for (ServiceProcess service : services.reversed()) {
            service.stop();
        }
        services.clear();
        if (redis != null) {
            redis.close();
            redis = null;
        }
        if (mariaDb != null) {
            mariaDb.close();
            mariaDb = null;
        }
        say("stopped");
    }

    private Path jar(String module) {
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build first with ./mvnw -DskipTests package");
        }
        return jar;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** A department API key as `openssl rand -hex 32` makes them. */
    private static String randomApiKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }

    /** What the gateway is configured with instead of the key: `printf %s KEY | sha256sum`. */
    private static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static int envInt(String name, int fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a port number, not '" + value + "'");
        }
    }

    private static void say(String line) {
        System.out.println("[local-run] " + line);
    }
}
