package cn.chongchuan.safetycredit.devstack;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.RedisClusterClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EmbeddedRedisTopologiesTest {

    /**
     * Whether a redis-server process for the port is running, by the title Redis gives itself
     * ({@code redis-server … 127.0.0.1:<port>}): what CI looks for after the tests, read from
     * /proc as pgrep does (Java's ProcessHandle does not see the rewritten title).
     */
    static boolean answers(int port) {
        try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(p -> {
                        try {
                            return new String(java.nio.file.Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                        } catch (java.io.IOException gone) {
                            return "";
                        }
                    })
                    .anyMatch(line -> line.contains("redis-server") && line.contains("127.0.0.1:" + port));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aClusterOfThreeMastersSharesEverySlotAndStopsEveryNode() {
        EmbeddedRedisCluster cluster = EmbeddedRedisCluster.start(3, 0);
        RedisClusterClient client = RedisClusterClient.create(cluster.masterPorts().stream()
                .map(p -> RedisURI.create("127.0.0.1", p)).toList());
        try (var connection = client.connect()) {
            var redis = connection.sync();
            IntStream.range(0, 300).forEach(i -> redis.set("k" + i, "v" + i));
            assertThat(redis.clusterInfo()).contains("cluster_state:ok", "cluster_slots_assigned:16384", "cluster_size:3");
            for (int port : cluster.masterPorts()) {
                assertThat(connection.getConnection("127.0.0.1", port).sync().dbsize())
                        .as("keys on the master at %d", port).isPositive();
            }
            assertThat(cluster.masterPorts()).allMatch(EmbeddedRedisTopologiesTest::answers);
            assertThat(cluster.nodes()).isEqualTo(String.join(",",
                    cluster.masterPorts().stream().map(p -> "127.0.0.1:" + p).toList()));
        } finally {
            client.shutdown();
            cluster.close();
        }
        assertThat(cluster.masterPorts()).noneMatch(EmbeddedRedisTopologiesTest::answers);
    }

    @Test
    void aClusterMasterWithAReplicaIsReplacedWhenItDies() {
        EmbeddedRedisCluster cluster = EmbeddedRedisCluster.start(3, 1);
        RedisClient client = RedisClient.create();
        try (var replica = client.connect(RedisURI.create("127.0.0.1", cluster.replicaPorts().getFirst()))) {
            assertThat(replica.sync().info("replication")).contains("role:slave", "master_port:" + cluster.masterPorts().getFirst());
            try (var master = client.connect(RedisURI.create("127.0.0.1", cluster.masterPorts().getFirst()))) {
                master.sync().shutdown(false);
            } catch (io.lettuce.core.RedisException expected) {
                // SHUTDOWN closes the connection without an answer
            }

            await().atMost(Duration.ofSeconds(15)).until(() -> replica.sync().info("replication").contains("role:master"));
            await().atMost(Duration.ofSeconds(15)).until(() -> replica.sync().clusterInfo().contains("cluster_state:ok"));
        } finally {
            client.shutdown();
            cluster.close();
        }
        assertThat(cluster.replicaPorts()).hasSize(3).noneMatch(EmbeddedRedisTopologiesTest::answers);
    }

    @Test
    void sentinelsFailOverToTheReplicaWhenThePrimaryDies() {
        EmbeddedRedisSentinel sentinel = EmbeddedRedisSentinel.start();
        RedisClient client = RedisClient.create();
        try {
            sentinel.awaitFailoverReady();
            assertThat(sentinel.currentPrimaryPort()).isEqualTo(sentinel.primaryPort());
            try (var primary = client.connect(RedisURI.create("127.0.0.1", sentinel.primaryPort()))) {
                primary.sync().set("before", "failover");
                primary.sync().shutdown(false);
            } catch (io.lettuce.core.RedisException expected) {
                // SHUTDOWN closes the connection without an answer
            }

            await().atMost(Duration.ofSeconds(15)).until(sentinel::currentPrimaryPort, port -> port == sentinel.replicaPort());
            try (var promoted = client.connect(RedisURI.create("127.0.0.1", sentinel.replicaPort()))) {
                assertThat(promoted.sync().get("before")).isEqualTo("failover");
                assertThat(promoted.sync().info("replication")).contains("role:master");
            }
        } finally {
            client.shutdown();
            sentinel.close();
        }
        assertThat(List.of(sentinel.replicaPort(), sentinel.sentinelPorts().getFirst())).noneMatch(EmbeddedRedisTopologiesTest::answers);
    }
}
