package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.ListingEvents;
import cn.chongchuan.safetycredit.sanction.testing.TestDepartments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not part of the test suite (its name matches no Surefire pattern). Run it alone:
 * {@code ./mvnw -pl sanction-service verify -Dtest=DeliveryBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * 20 departments on local stub endpoints; 200 listing events, one after the other: how long until
 * all 20 have a notice delivered (median, p99) and deliveries per second; then the same with a 21st
 * department black-holed (accepts the connection, never answers). Production delivery settings.
 * Writes {@code target/bench/delivery.md}.
 */
@ServiceTest
@TestPropertySource(properties = {
        "sanction.delivery.poll-interval=1s", "sanction.delivery.connect-timeout=2s",
        "sanction.delivery.read-timeout=10s", "sanction.delivery.lease=2m", "sanction.delivery.busy-retry-delay=5s",
        "sanction.delivery.retry.max-attempts=3", "sanction.delivery.retry.initial-backoff=500ms",
        "sanction.delivery.bulkhead.max-concurrent-calls=4",
        "sanction.delivery.circuit-breaker.sliding-window-size=10", "sanction.delivery.circuit-breaker.minimum-calls=5",
        "sanction.delivery.schedule=1m,5m,15m,30m,1h,2h,4h,8h", "logging.level.root=WARN"})
class DeliveryBenchmark {

    private static final int DEPARTMENTS = 20;
    private static final int EVENTS = 200;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    /** One run's figures. */
    record Figures(String run, int events, int deliveries, double medianMs, double p99Ms, double maxMs,
            double deliveriesPerSecond) {
    }

    @Test
    void deliveryLatencyWithAndWithoutABlackHoledDepartment() throws Exception {
        Api api = new Api(port);
        TestDepartments departments = new TestDepartments(api);
        List<String> healthy = new ArrayList<>();
        for (int i = 0; i < DEPARTMENTS; i++) {
            String code = TestDepartments.newCode("B");
            departments.register(code, "/bench/" + code);
            healthy.add(code);
        }
        warmUp(api, healthy);

        Figures undisturbed = run(api, healthy, "20 departments");

        try (BlackHole hole = new BlackHole()) {
            String dead = TestDepartments.newCode("Z");
            departments.register(dead, "/never");
            api.put("/api/v1/departments/" + dead, """
                    {"name":"黑洞","roles":["PARTNER"],"endpointUrl":"%s","enabled":true}""".formatted(hole.url()),
                    Api.admin());
            Figures disturbed = run(api, healthy, "20 departments + 1 black-holed");

            String report = report(undisturbed, disturbed);
            Path out = Path.of("target/bench/delivery.md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            System.out.println(report);
            assertThat(disturbed.deliveries()).isEqualTo(undisturbed.deliveries());
        }
        departments.disableAll();
    }

    private void warmUp(Api api, List<String> healthy) {
        List<Long> listings = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            listings.add(post(api));
        }
        awaitDelivered(listings, healthy);
    }

    private Figures run(Api api, List<String> healthy, String name) {
        List<Long> listings = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            listings.add(post(api));
        }
        awaitDelivered(listings, healthy);
        String in = listings.stream().map(String::valueOf).collect(Collectors.joining(","));
        String departments = healthy.stream().map(c -> "'" + c + "'").collect(Collectors.joining(","));
        List<Map<String, Object>> perEvent = jdbc.queryForList("SELECT listing_id, MIN(created_at) AS created, "
                + "MAX(delivered_at) AS last_delivered FROM notice WHERE listing_id IN (" + in + ") AND department_code IN ("
                + departments + ") GROUP BY listing_id");
        List<Double> latencies = perEvent.stream().map(r -> Duration.between((LocalDateTime) r.get("created"),
                (LocalDateTime) r.get("last_delivered")).toNanos() / 1e6).sorted().toList();
        Map<String, Object> span = jdbc.queryForMap("SELECT MIN(created_at) AS first_created, MAX(delivered_at) AS "
                + "last_delivered, COUNT(*) AS deliveries FROM notice WHERE listing_id IN (" + in + ") AND department_code IN ("
                + departments + ")");
        double seconds = Duration.between((LocalDateTime) span.get("first_created"),
                (LocalDateTime) span.get("last_delivered")).toNanos() / 1e9;
        int deliveries = ((Number) span.get("deliveries")).intValue();
        return new Figures(name, EVENTS, deliveries, percentile(latencies, 0.50), percentile(latencies, 0.99),
                latencies.getLast(), deliveries / seconds);
    }

    private long post(Api api) {
        long listingId = ListingEvents.newListingId();
        assertThat(api.post("/internal/v1/listing-events", ListingEvents.aUnitListed(listingId).json(), Api.service())
                .status()).isEqualTo(202);
        return listingId;
    }

    private void awaitDelivered(List<Long> listings, List<String> healthy) {
        String in = listings.stream().map(String::valueOf).collect(Collectors.joining(","));
        String departments = healthy.stream().map(c -> "'" + c + "'").collect(Collectors.joining(","));
        int expected = listings.size() * healthy.size();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM notice WHERE status = 'DELIVERED' AND listing_id IN (" + in
                        + ") AND department_code IN (" + departments + ")", Integer.class) == expected);
    }

    private static double percentile(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static String report(Figures a, Figures b) {
        StringBuilder out = new StringBuilder("| run | events | deliveries | median ms | p99 ms | max ms | deliveries/s |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Figures f : List.of(a, b)) {
            out.append("| %s | %d | %d | %.1f | %.1f | %.1f | %.0f |%n".formatted(f.run(), f.events(), f.deliveries(),
                    f.medianMs(), f.p99Ms(), f.maxMs(), f.deliveriesPerSecond()));
        }
        out.append("%nblack-holed / undisturbed: median %.2f×, p99 %.2f×%n".formatted(b.medianMs() / a.medianMs(),
                b.p99Ms() / a.p99Ms()));
        return out.toString();
    }

    /** A local endpoint that accepts connections and never answers. */
    static final class BlackHole implements AutoCloseable {

        private final ServerSocket server;
        private final List<Socket> held = new ArrayList<>();
        private final Thread acceptor;

        BlackHole() throws IOException {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        synchronized (held) {
                            held.add(socket);
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/notices";
        }

        @Override
        public void close() {
            try {
                server.close();
                synchronized (held) {
                    for (Socket socket : held) {
                        socket.close();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
