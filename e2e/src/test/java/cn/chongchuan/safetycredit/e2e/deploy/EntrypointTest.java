package cn.chongchuan.safetycredit.e2e.deploy;

import cn.chongchuan.safetycredit.devstack.EmbeddedMariaDb;
import cn.chongchuan.safetycredit.devstack.EmbeddedRedis;
import cn.chongchuan.safetycredit.devstack.FreePort;
import cn.chongchuan.safetycredit.devstack.ServiceProcess;
import io.kubernetes.client.custom.Quantity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Each service started exactly as its image starts it: the service jar extracted by the
 * {@code RUN java -Djarmode=tools …} line of {@code deploy/Dockerfile}, the extracted layers copied
 * in the Dockerfile's order into one directory, and the Dockerfile's ENTRYPOINT run there,
 * word for word (only {@code java} is this JDK's). Its configuration is the environment its
 * Kubernetes Deployment gives it and nothing else (no inherited variable, no argument, no profile):
 * the ConfigMap and literal values as written, the Secrets' keys with values made here, and only the
 * addresses of MySQL, Redis and the other services pointed at the embedded servers and free ports.
 * {@code JAVA_TOOL_OPTIONS=-XX:MaxRAM=} the Deployment's memory limit stands in for the container's
 * cgroup limit, which {@code -XX:MaxRAMPercentage} sizes the heap from.
 *
 * <p>Every service must become ready, answer the Deployment's startup, liveness and readiness probes
 * on the ports they name, route a request through the gateway, and on SIGTERM finish its graceful
 * shutdown within the pod's grace period less the preStop pause. Start-up time and resident memory
 * are printed for docs/operations.md, "Sizing".
 */
class EntrypointTest {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Path LOGS = Manifests.root().resolve("e2e/target/entrypoint");
    private static final Manifests MANIFESTS = Manifests.deployed();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static EmbeddedMariaDb mariaDb;
    private static EmbeddedRedis redis;
    private static final List<ServiceProcess> started = new ArrayList<>();

    @TempDir
    static Path work;

    @BeforeAll
    static void startDatabaseAndRedis() throws IOException {
        Files.createDirectories(LOGS);
        mariaDb = EmbeddedMariaDb.start(0);
        mariaDb.createDatabase("credit");
        mariaDb.createDatabase("sanction");
        redis = EmbeddedRedis.start(0);
    }

    @AfterAll
    static void stopEverything() {
        started.reversed().forEach(ServiceProcess::stop);
        if (redis != null) {
            redis.close();
        }
        if (mariaDb != null) {
            mariaDb.close();
        }
    }

    @Test
    void theImageRunsAsANonRootUser() {
        String user = Dockerfile.read().user();
        assertThat(user).as("USER of deploy/Dockerfile").matches("[0-9]+(:[0-9]+)?");
        assertThat(Integer.parseInt(user.split(":")[0])).isPositive();
    }

    @Test
    void everyServiceStartsAsItsImageDoesWithTheEnvironmentOfItsDeployment() throws Exception {
        Dockerfile dockerfile = Dockerfile.read();
        Map<String, String> secrets = secretValues();
        int sanctionPort = FreePort.find();
        int creditPort = FreePort.find();
        int gatewayPort = FreePort.find();

        Running sanction = start(dockerfile, "sanction-service", sanctionPort, secrets, Map.of(
                "SPRING_DATASOURCE_URL", mariaDb.jdbcUrl("sanction")));
        Running credit = start(dockerfile, "credit-service", creditPort, secrets, Map.of(
                "SPRING_DATASOURCE_URL", mariaDb.jdbcUrl("credit"),
                "CREDIT_RELAY_URL", "http://127.0.0.1:" + sanctionPort,
                "CREDIT_CHECK_MEASURES_URL", "http://127.0.0.1:" + sanctionPort));
        Path keys = work.resolve("gateway-keys.yml");
        String apiKey = HexFormat.of().formatHex(randomBytes(32));
        Files.writeString(keys, """
                gateway:
                  api-keys:
                    - sha256: %s
                      department: AWB
                      roles: [ADMIN]
                      label: entrypoint test
                """.formatted(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(apiKey.getBytes(StandardCharsets.UTF_8)))));
        Running gateway = start(dockerfile, "gateway", gatewayPort, secrets, Map.of(
                "GATEWAY_CREDIT_URLS", "http://127.0.0.1:" + creditPort,
                "GATEWAY_SANCTION_URLS", "http://127.0.0.1:" + sanctionPort,
                "SPRING_CONFIG_IMPORT", "file:" + keys));

        // Through the gateway, with the key from the mounted file: both services answer.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(get(gateway.url("http") + "/api/v1/public/listings", null).statusCode()).isEqualTo(200);
            assertThat(get(gateway.url("http") + "/api/v1/departments", apiKey).statusCode()).isEqualTo(200);
        });

        for (Running service : List.of(gateway, credit, sanction)) {
            System.out.printf("[sizing] %-16s ready in %5.1f s, RSS %4d MiB, heap limit from MaxRAM %s%n", service.name,
                    service.startup.toMillis() / 1000.0, service.rssKib / 1024, service.memoryLimit);
        }
        for (Running service : List.of(gateway, credit, sanction)) {
            service.assertStopsGracefully();
        }
    }

    /** One started service and what the test learnt about it. */
    private static final class Running {
        final String name;
        final ServiceProcess process;
        final Map<String, Integer> ports;
        final Manifests.Document deployment;
        Duration startup;
        long rssKib;
        String memoryLimit;

        Running(String name, ServiceProcess process, Map<String, Integer> ports, Manifests.Document deployment) {
            this.name = name;
            this.process = process;
            this.ports = ports;
            this.deployment = deployment;
        }

        String url(String portName) {
            Integer port = ports.get(portName);
            assertThat(port).as("%s has a port named %s", name, portName).isNotNull();
            return "http://127.0.0.1:" + port;
        }

        void assertStopsGracefully() throws InterruptedException, IOException {
            Map<String, Object> podSpec = podSpec(deployment);
            long grace = ((Number) podSpec.get("terminationGracePeriodSeconds")).longValue();
            long preStop = ((Number) Manifests.map(Manifests.map(Manifests.map(Manifests.container(deployment), "lifecycle"),
                    "preStop"), "sleep").get("seconds")).longValue();
            Instant stopping = Instant.now();
            process.process().destroy(); // SIGTERM, as the kubelet sends it after the preStop pause
            assertThat(process.process().waitFor(grace - preStop, TimeUnit.SECONDS))
                    .as("%s stops within the grace period less the preStop pause (%d s)", name, grace - preStop).isTrue();
            System.out.printf("[sizing] %-16s stopped in %4.1f s after SIGTERM (exit %d)%n", name,
                    Duration.between(stopping, Instant.now()).toMillis() / 1000.0, process.process().exitValue());
            assertThat(Files.readString(process.log())).as("%s's log", name).contains("Graceful shutdown complete");
        }
    }

    private Running start(Dockerfile dockerfile, String name, int port, Map<String, String> secrets,
            Map<String, String> addresses) throws IOException, InterruptedException {
        Manifests.Document deployment = MANIFESTS.get("Deployment", name);
        Map<String, Manifests.Variable> variables = MANIFESTS.environment(deployment);

        Map<String, Integer> ports = new LinkedHashMap<>();
        Map<String, String> overrides = new LinkedHashMap<>(addresses);
        for (Object entry : Manifests.list(Manifests.container(deployment), "ports")) {
            Map<String, Object> containerPort = Manifests.cast(entry);
            String portName = (String) containerPort.get("name");
            int local = portName.equals("http") ? port : FreePort.find();
            ports.put(portName, local);
            String variable = portName.equals("http") ? "SERVER_PORT" : "MANAGEMENT_SERVER_PORT";
            assertThat(variables.get(variable).value()).as("%s's %s is its containerPort %s", name, variable, portName)
                    .isEqualTo(String.valueOf(containerPort.get("containerPort")));
            overrides.put(variable, String.valueOf(local));
        }
        if (variables.containsKey("MANAGEMENT_SERVER_ADDRESS")) {
            overrides.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        }
        overrides.put("SPRING_DATA_REDIS_HOST", "127.0.0.1");
        overrides.put("SPRING_DATA_REDIS_PORT", String.valueOf(redis.port()));

        Map<String, String> environment = new LinkedHashMap<>();
        for (Manifests.Variable variable : variables.values()) {
            if (!variable.fromSecret()) {
                environment.put(variable.name(), variable.value());
            } else if (!variable.optional()) {
                environment.put(variable.name(), required(secrets, variable.secretName() + "/" + variable.secretKey()));
            } // an optional Secret key is absent in a normal deployment (no rotation under way): not set
        }
        assertThat(variables.keySet()).as("%s: only the Deployment's variables are changed", name)
                .containsAll(overrides.keySet());
        environment.putAll(overrides);
        String memoryLimit = (String) Manifests.map(Manifests.map(Manifests.container(deployment), "resources"), "limits").get("memory");
        environment.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAM=" + new Quantity(memoryLimit).getNumber().toBigInteger());

        Path app = extract(dockerfile, name);
        Instant began = Instant.now();
        ServiceProcess process = ServiceProcess.startIsolated(name, Dockerfile.withJava(dockerfile.entrypoint(), ServiceProcess.java()),
                app, environment, port, LOGS);
        started.add(process);
        Running running = new Running(name, process, ports, deployment);
        running.memoryLimit = memoryLimit;

        await().atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertThat(process.isAlive()).as("%s exited; see %s", name, process.log()).isTrue();
            Answer readiness = get(running.url("http") + "/readyz", null);
            return readiness.statusCode() == 200 && readiness.body().contains("\"UP\"");
        });
        running.startup = Duration.between(began, Instant.now());
        running.rssKib = residentKib(process.process().pid());

        // The Deployment's own probes, on the ports they name.
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Map<String, Object> httpGet = Manifests.map(Manifests.map(Manifests.container(deployment), probe), "httpGet");
            assertThat(httpGet).as("%s's %s", name, probe).isNotEmpty();
            String url = running.url((String) httpGet.get("port")) + httpGet.get("path");
            Answer answer = get(url, null);
            assertThat(answer.statusCode()).as("%s's %s %s: %s", name, probe, url, answer.body()).isEqualTo(200);
        }
        return running;
    }

    /** The image's build: the jar under the Dockerfile's name, extracted by its RUN line, the layers copied in order. */
    private static Path extract(Dockerfile dockerfile, String name) throws IOException {
        Path build = Files.createDirectories(work.resolve(name).resolve("build"));
        Files.copy(Manifests.root().resolve(name).resolve("target").resolve(name + ".jar"), build.resolve(dockerfile.jarName()));
        Process extraction = new ProcessBuilder(Dockerfile.withJava(dockerfile.extractCommand(), ServiceProcess.java()))
                .directory(build.toFile()).redirectErrorStream(true)
                .redirectOutput(LOGS.resolve(name + "-extract.log").toFile()).start();
        try {
            assertThat(extraction.waitFor(120, TimeUnit.SECONDS)).as("%s extracted in time", name).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(extraction.exitValue()).as("extraction of %s; see %s", name, LOGS.resolve(name + "-extract.log")).isZero();
        Path app = Files.createDirectories(work.resolve(name).resolve("app"));
        for (String layer : dockerfile.layers()) {
            Path from = build.resolve(layer);
            assertThat(from).as("layer %s of %s", layer, name).isDirectory();
            copyTree(from, app);
        }
        return app;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }

    /** A value for every Secret key the Deployments reference; DB and Redis credentials of the embedded servers. */
    private static Map<String, String> secretValues() throws Exception {
        KeyPair receipts = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("safety-credit-internal-token/secret", randomKey());
        secrets.put("safety-credit-redis/password", "");
        for (String database : List.of("credit-service-db", "sanction-service-db")) {
            secrets.put(database + "/username", mariaDb.username());
            secrets.put(database + "/password", "");
        }
        secrets.put("credit-service-keys/receipt-signing-private-key", Base64.getEncoder().encodeToString(receipts.getPrivate().getEncoded()));
        secrets.put("credit-service-keys/receipt-signing-public-key", Base64.getEncoder().encodeToString(receipts.getPublic().getEncoded()));
        secrets.put("credit-service-keys/personal-data-hmac-key", randomKey());
        secrets.put("credit-service-keys/personal-data-encryption-key", randomKey());
        secrets.put("sanction-service-keys/department-secrets-encryption-key", randomKey());
        return secrets;
    }

    private static String required(Map<String, String> secrets, String key) {
        assertThat(secrets).as("a value for the Secret key %s (add it to secretValues)", key).containsKey(key);
        return secrets.get(key);
    }

    private static Map<String, Object> podSpec(Manifests.Document deployment) {
        return Manifests.map(Manifests.map(Manifests.map(deployment.content(), "spec"), "template"), "spec");
    }

    private static long residentKib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HTTP answer; status 0 when the connection failed (not listening yet). */
    private record Answer(int statusCode, String body) {
    }

    private static Answer get(String url, String apiKey) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        }
    }

    private static String randomKey() {
        return Base64.getEncoder().encodeToString(randomBytes(32));
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
