package cn.chongchuan.safetycredit.devstack;

import cn.chongchuan.safetycredit.platform.seed.DepartmentSeed;
import cn.chongchuan.safetycredit.platform.seed.DepartmentSeeds;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The whole system on one machine, as in production: embedded MariaDB and Redis, credit-service,
 * sanction-service and the gateway each in its own JVM, and stub endpoints for the partner
 * departments (registered in sanction-service with their own signing secrets). Every department of
 * {@code seeds/departments.yaml} gets a fresh API key; the gateway is given only their hashes.
 * Used by the local run and by the end-to-end tests.
 */
public final class Stack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    /** How often the gateway probes each service instance here (GATEWAY_HEALTHCHECK_INTERVAL). */
    private static final Duration GATEWAY_PROBE_INTERVAL = Duration.ofSeconds(1);

    /** Where things listen; 0 means a free port. */
    public record Ports(int gateway, int credit, int sanction, int mariaDb, int redis, int partners) {

        public static Ports free() {
            return new Ports(FreePort.find(), FreePort.find(), FreePort.find(), 0, 0, 0);
        }
    }

    /** A department of the seeds with its roles and this run's API key. */
    public record Department(String code, String name, String fullName, List<String> roles, String apiKey) {

        public boolean hasRole(String role) {
            return roles.contains(role);
        }
    }

    private final Path root;
    private final Path logDir;
    private final Consumer<String> say;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, Department> departments = new LinkedHashMap<>();
    private final List<ExtraKey> extraKeys = new ArrayList<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    private EmbeddedMariaDb mariaDb;
    private EmbeddedRedis redis;
    private PartnerStubs partners;
    private String gatewayUrl;
    private String internalTokenSecret;
    private int instances = 1;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final Map<String, String> modules = new LinkedHashMap<>();

    private Stack(Path root, Consumer<String> say) {
        this.root = root;
        this.logDir = root.resolve("target/local-run");
        this.say = say;
    }

    /** An extra API key, e.g. one that holds a single role of a department, for role tests. */
    public record ExtraKey(String label, String department, List<String> roles, String apiKey) {

        public static ExtraKey of(String label, String department, String... roles) {
            return new ExtraKey(label, department, List.of(roles), randomApiKey());
        }
    }

    /** Starts everything and waits until every service is ready; on failure stops what it started. */
    public static Stack start(Path root, Ports ports, Consumer<String> say) {
        return start(root, ports, List.of(), say);
    }

    /** As {@link #start(Path, Ports, Consumer)}, with extra API keys known to the gateway. */
    public static Stack start(Path root, Ports ports, List<ExtraKey> extraKeys, Consumer<String> say) {
        return start(root, ports, extraKeys, say, 1);
    }

    /**
     * As above, with {@code instances} (1 or 2) of each service behind the gateway, sharing the
     * database and Redis; the second ones are named {@code credit-service-2} and
     * {@code sanction-service-2}, and credit-service-2 relays its outbox to sanction-service-2.
     */
    public static Stack start(Path root, Ports ports, List<ExtraKey> extraKeys, Consumer<String> say, int instances) {
        return start(root, ports, extraKeys, say, instances, Map.of());
    }

    /**
     * As above, with {@code environment} given to every service JVM (the gateway's too), on top of
     * this process's own environment, which they inherit anyway: e.g. the OTLP endpoint that turns
     * tracing on (docs/operations.md, "Traces").
     */
    public static Stack start(Path root, Ports ports, List<ExtraKey> extraKeys, Consumer<String> say, int instances,
            Map<String, String> environment) {
        if (instances < 1 || instances > 2) {
            throw new IllegalArgumentException("1 or 2 instances of each service, not " + instances);
        }
        Stack stack = new Stack(root.toAbsolutePath().normalize(), say);
        stack.extraKeys.addAll(extraKeys);
        stack.instances = instances;
        stack.environment.putAll(environment);
        try {
            stack.startAll(ports);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        } catch (IOException e) {
            stack.close();
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            stack.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Where a service's actuator answers (metrics, health details): its management port, on loopback,
     * without a token; the gateway never routes there.
     */
    public String managementUrl(String name) {
        Map<String, String> env = environments.get(name);
        if (env == null || !env.containsKey("MANAGEMENT_SERVER_PORT")) {
            throw new IllegalArgumentException("no management port for " + name);
        }
        return "http://127.0.0.1:" + env.get("MANAGEMENT_SERVER_PORT");
    }

    public String gatewayUrl() {
        return gatewayUrl;
    }

    public Path logDir() {
        return logDir;
    }

    public List<Department> departments() {
        return List.copyOf(departments.values());
    }

    public Department department(String code) {
        Department department = departments.get(code);
        if (department == null) {
            throw new IllegalArgumentException("no department " + code + " in seeds/departments.yaml");
        }
        return department;
    }

    /** A client acting as this department through the gateway. */
    public GatewayClient as(String departmentCode) {
        return new GatewayClient(gatewayUrl, department(departmentCode).apiKey());
    }

    /** A client using an extra key. */
    public GatewayClient as(ExtraKey key) {
        return new GatewayClient(gatewayUrl, key.apiKey());
    }

    /** A client without a key (the public). */
    public GatewayClient anonymous() {
        return new GatewayClient(gatewayUrl, null);
    }

    /** This run's internal token key (base64): for tests that attack the services directly. */
    public String internalTokenSecret() {
        return internalTokenSecret;
    }

    /** A service's own address (credit-service, sanction-service), bypassing the gateway. */
    public String serviceUrl(String name) {
        return service(name).url();
    }

    public PartnerStubs partners() {
        return partners;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    private void startAll(Ports ports) throws IOException, InterruptedException {
        Files.createDirectories(logDir);
        Instant began = Instant.now();
        for (int port : List.of(ports.credit(), ports.sanction(), ports.gateway())) {
            if (FreePort.isTaken(port)) {
                throw new IllegalStateException("port " + port + " is already in use; set GATEWAY_PORT, CREDIT_PORT or SANCTION_PORT");
            }
        }
        say.accept("starting embedded MariaDB and Redis …");
        mariaDb = EmbeddedMariaDb.start(ports.mariaDb());
        mariaDb.createDatabase("credit");
        mariaDb.createDatabase("sanction");
        redis = EmbeddedRedis.start(ports.redis());
        say.accept("MariaDB on 127.0.0.1:" + mariaDb.port() + ", Redis on 127.0.0.1:" + redis.port());
        loadDepartments();

        // One internal signing key for this run only, shared by the gateway and the services.
        Map<String, String> common = new LinkedHashMap<>(environment);
        common.put("SPRING_PROFILES_ACTIVE", "local");
        common.put("SPRING_DATA_REDIS_URL", redis.url());
        internalTokenSecret = randomBase64Key();
        common.put("SECURITY_INTERNAL_TOKEN_SECRET", internalTokenSecret);

        Map<String, String> credit = new LinkedHashMap<>(common);
        credit.putAll(database("credit", ports.credit()));
        credit.put("CREDIT_RELAY_URL", "http://127.0.0.1:" + ports.sanction());
        // The receipt-signing key pair of this run only (no key pair is kept in the repository).
        KeyPair receipts = newEd25519KeyPair();
        credit.put("CREDIT_CHECK_SIGNING_PRIVATE_KEY", Base64.getEncoder().encodeToString(receipts.getPrivate().getEncoded()));
        credit.put("CREDIT_CHECK_SIGNING_PUBLIC_KEY", Base64.getEncoder().encodeToString(receipts.getPublic().getEncoded()));
        start("credit-service", ports.credit(), credit);

        Map<String, String> sanction = new LinkedHashMap<>(common);
        sanction.putAll(database("sanction", ports.sanction()));
        // sanction-service refuses loopback endpoints unless the operator allow-lists them: the
        // partner stubs listen on 127.0.0.1 (PartnerStubs), over http (the local profile allows it).
        sanction.put("SANCTION_ENDPOINTS_ALLOWEDHOSTS", PartnerStubs.HOST);
        start("sanction-service", ports.sanction(), sanction);

        String creditUrls = "http://127.0.0.1:" + ports.credit();
        String sanctionUrls = "http://127.0.0.1:" + ports.sanction();
        if (instances == 2) {
            int credit2 = FreePort.find();
            int sanction2 = FreePort.find();
            Map<String, String> secondSanction = new LinkedHashMap<>(sanction);
            secondSanction.putAll(database("sanction", sanction2));
            start("sanction-service-2", "sanction-service", sanction2, secondSanction);
            Map<String, String> secondCredit = new LinkedHashMap<>(credit);
            secondCredit.putAll(database("credit", credit2));
            secondCredit.put("CREDIT_RELAY_URL", "http://127.0.0.1:" + sanction2);
            start("credit-service-2", "credit-service", credit2, secondCredit);
            creditUrls += ",http://127.0.0.1:" + credit2;
            sanctionUrls += ",http://127.0.0.1:" + sanction2;
        }

        Map<String, String> gateway = new LinkedHashMap<>(common);
        gateway.put("SERVER_PORT", String.valueOf(ports.gateway()));
        // Its metrics on a management port of its own, on loopback like the services'.
        gateway.put("MANAGEMENT_SERVER_PORT", String.valueOf(FreePort.find()));
        gateway.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        gateway.put("GATEWAY_CREDIT_URLS", creditUrls);
        gateway.put("GATEWAY_SANCTION_URLS", sanctionUrls);
        gateway.put("GATEWAY_HEALTHCHECK_INTERVAL", GATEWAY_PROBE_INTERVAL.toMillis() + "ms");
        int i = 0;
        for (Department department : departments.values()) {
            gateway.put("GATEWAY_APIKEYS_" + i + "_SHA256", sha256Hex(department.apiKey()));
            gateway.put("GATEWAY_APIKEYS_" + i + "_DEPARTMENT", department.code());
            gateway.put("GATEWAY_APIKEYS_" + i + "_ROLES", String.join(",", department.roles()));
            gateway.put("GATEWAY_APIKEYS_" + i + "_LABEL", "local run " + department.code());
            i++;
        }
        for (ExtraKey extra : extraKeys) {
            gateway.put("GATEWAY_APIKEYS_" + i + "_SHA256", sha256Hex(extra.apiKey()));
            gateway.put("GATEWAY_APIKEYS_" + i + "_DEPARTMENT", extra.department());
            gateway.put("GATEWAY_APIKEYS_" + i + "_ROLES", String.join(",", extra.roles()));
            gateway.put("GATEWAY_APIKEYS_" + i + "_LABEL", extra.label());
            i++;
        }
        start("gateway", ports.gateway(), gateway);
        gatewayUrl = "http://127.0.0.1:" + ports.gateway();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        for (ServiceProcess service : services) {
            awaitReady(http, service, deadline);
            String metrics = environments.get(service.name()).containsKey("MANAGEMENT_SERVER_PORT")
                    ? "  metrics: " + managementUrl(service.name()) + "/actuator/prometheus" : "";
            say.accept(String.format("%-17s ready at %s  (log: %s)%s", service.name(), service.url(),
                    root.relativize(service.log()), metrics));
        }
        awaitRouted(http, deadline);
        partners = PartnerStubs.start(ports.partners(), logDir.resolve("partners.log"));
        registerPartnerEndpoints();
        say.accept("all services ready in " + Duration.between(began, Instant.now()).toSeconds() + " s");
    }

    private void start(String name, int port, Map<String, String> env) {
        start(name, name, port, env);
    }

    private void start(String name, String module, int port, Map<String, String> env) {
        environments.put(name, Map.copyOf(env));
        modules.put(name, module);
        services.add(ServiceProcess.start(name, jar(module), port, env, logDir));
    }

    /** Kills a service's JVM at once (SIGKILL: no shutdown hook, nothing flushed), as a crash would. */
    public synchronized void kill(String name) {
        ServiceProcess service = service(name);
        service.process().destroyForcibly();
        try {
            service.process().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a killed or stopped service again with its environment, and waits until it is ready. */
    public void restart(String name) {
        restart(name, Map.of());
    }

    /** The same, with some environment variables changed (e.g. a feature switched back on). */
    public synchronized void restart(String name, Map<String, String> changes) {
        ServiceProcess old = service(name);
        if (old.isAlive()) {
            old.stop();
        }
        Map<String, String> env = new LinkedHashMap<>(environments.get(name));
        env.putAll(changes);
        environments.put(name, Map.copyOf(env));
        ServiceProcess started = ServiceProcess.start(name, jar(modules.get(name)), old.port(), env, logDir);
        services.set(services.indexOf(old), started);
        try {
            awaitReady(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), started,
                    Instant.now().plus(READY_TIMEOUT));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** JDBC URL of a service's database on the embedded MariaDB (user root, no password). */
    public String jdbcUrl(String database) {
        return mariaDb.jdbcUrl(database);
    }

    private ServiceProcess service(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** Points every partner department at its stub and gives the stub the department's new secret. */
    private void registerPartnerEndpoints() {
        GatewayClient admin = as(adminCode());
        for (Department department : departments.values()) {
            if (!department.hasRole("PARTNER")) {
                continue;
            }
            Map<String, Object> registration = new LinkedHashMap<>();
            registration.put("name", department.name());
            registration.put("fullName", department.fullName());
            registration.put("roles", department.roles());
            registration.put("endpointUrl", partners.endpointFor(department.code()));
            registration.put("enabled", true);
            registration.put("contact", "local-run stub");
            admin.put("/api/v1/departments/" + department.code(), GatewayClient.json(registration)).ok();
            JsonNode secret = admin.post("/api/v1/departments/" + department.code() + "/secrets", "{}").ok();
            partners.trust(department.code(), secret.get("secret").asString());
            // Every stub partner also verifies v1a (Ed25519) with the public key, as a department may.
            JsonNode publicKey = admin.post("/api/v1/departments/" + department.code() + "/ed25519-keys", "{}").ok();
            partners.trustPublicKey(department.code(), publicKey.get("publicKey").asString());
        }
        say.accept("partner stubs for " + departments.values().stream().filter(d -> d.hasRole("PARTNER")).count()
                + " departments at " + partners.endpointFor("<code>") + " (log: "
                + root.relativize(logDir.resolve("partners.log")) + ")");
    }

    /** The department holding ADMIN in the seeds (the credit office). */
    public String adminCode() {
        return departments.values().stream().filter(d -> d.hasRole("ADMIN")).findFirst()
                .orElseThrow(() -> new IllegalStateException("seeds/departments.yaml names no ADMIN department")).code();
    }

    private Map<String, String> database(String name, int port) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", String.valueOf(port));
        // Only the gateway is reachable from outside this machine; metrics and health details on a
        // management port of their own, on loopback too.
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("MANAGEMENT_SERVER_PORT", String.valueOf(FreePort.find()));
        env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        env.put("SPRING_DATASOURCE_URL", mariaDb.jdbcUrl(name));
        env.put("SPRING_DATASOURCE_USERNAME", mariaDb.username());
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        return env;
    }

    private void loadDepartments() {
        Path file = root.resolve("seeds/departments.yaml");
        for (DepartmentSeed seed : DepartmentSeeds.read(() -> Files.newInputStream(file), file.toString())) {
            departments.put(seed.code(), new Department(seed.code(), seed.name(), seed.fullName(), seed.roles(), randomApiKey()));
        }
    }

    private void awaitReady(HttpClient http, ServiceProcess service, Instant deadline) throws InterruptedException {
        // The readiness probe every service answers on its own port (/readyz: database and Redis included).
        URI readiness = URI.create(service.url() + "/readyz");
        while (Instant.now().isBefore(deadline)) {
            if (!service.isAlive()) {
                throw new IllegalStateException(service.name() + " exited during start-up; see " + service.log());
            }
            if (answersOk(http, readiness, body -> body.contains("\"UP\""))) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException(service.name() + " was not ready within " + READY_TIMEOUT.toSeconds()
                + " s; see " + service.log());
    }

    /**
     * Waits until the gateway routes to every service instance. The gateway probes each instance
     * every {@link #GATEWAY_PROBE_INTERVAL} and sends nothing to one that failed its last probe, as
     * the instances that started after the gateway did: so each service must answer through the
     * gateway, and one more probe round must pass after the last instance became ready.
     */
    private void awaitRouted(HttpClient http, Instant deadline) throws InterruptedException {
        for (String service : List.of("credit-service", "sanction-service")) {
            URI documentation = URI.create(gatewayUrl + "/v3/api-docs/" + service);
            while (!answersOk(http, documentation, body -> true)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the gateway did not route to " + service + " within "
                            + READY_TIMEOUT.toSeconds() + " s; see " + root.relativize(logDir.resolve("gateway.log")));
                }
                TimeUnit.MILLISECONDS.sleep(200);
            }
        }
        TimeUnit.MILLISECONDS.sleep(GATEWAY_PROBE_INTERVAL.toMillis() + 500);
    }

    /** Whether one GET of {@code uri} answers 200 with a body {@code accepted} takes (an I/O error: not yet). */
    private static boolean answersOk(HttpClient http, URI uri, Predicate<String> accepted) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && accepted.test(response.body());
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops every process and server it started; safe to call twice. */
    @Override
    public synchronized void close() {
        for (ServiceProcess service : services.reversed()) {
            service.stop();
        }
        services.clear();
        if (partners != null) {
            partners.close();
            partners = null;
        }
        if (redis != null) {
            redis.close();
            redis = null;
        }
        if (mariaDb != null) {
            mariaDb.close();
            mariaDb = null;
        }
    }

    private Path jar(String module) {
        Path jar = root.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing; build first with ./mvnw -DskipTests package");
        }
        return jar;
    }

    /** An Ed25519 key pair (the JDK's): encoded as PKCS#8 (private) and X.509 (public), as credit-service reads them. */
    private static KeyPair newEd25519KeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Ed25519 is missing from this JDK", e);
        }
    }

    private static String randomBase64Key() {
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
    static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
