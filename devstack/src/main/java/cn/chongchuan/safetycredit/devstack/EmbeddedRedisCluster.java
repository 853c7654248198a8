package cn.chongchuan.safetycredit.devstack;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A real Redis Cluster of the embedded-redis binary (Redis 6.2, {@code cluster-enabled yes}) on
 * loopback: {@code masters} masters sharing the 16,384 slots evenly, each with
 * {@code replicasPerMaster} replicas, joined with {@code CLUSTER MEET}, {@code ADDSLOTS} and
 * {@code REPLICATE} over Lettuce (the binary ships no redis-cli). No persistence; a node timeout
 * of one second, so a replica takes over a dead master in about two.
 */
public final class EmbeddedRedisCluster implements AutoCloseable {

    private static final int SLOTS = 16_384;
    private static final Duration READY = Duration.ofSeconds(20);

    private final List<Integer> masterPorts;
    private final List<Integer> replicaPorts;
    private final List<RedisServer> servers;
    private final Path dir;
    private volatile boolean running = true;

    private EmbeddedRedisCluster(List<Integer> masterPorts, List<Integer> replicaPorts, List<RedisServer> servers, Path dir) {
        this.masterPorts = masterPorts;
        this.replicaPorts = replicaPorts;
        this.servers = servers;
        this.dir = dir;
    }

    /** Starts the nodes and waits until every node reports {@code cluster_state:ok} and knows every other node. */
    public static EmbeddedRedisCluster start(int masters, int replicasPerMaster) {
        Path dir = RedisNodes.scratch("devstack-redis-cluster");
        List<RedisServer> servers = new ArrayList<>();
        List<Integer> masterPorts = new ArrayList<>();
        List<Integer> replicaPorts = new ArrayList<>();
        RedisClient client = RedisClient.create();
        try {
            for (int i = 0; i < masters * (1 + replicasPerMaster); i++) {
                int port = FreePort.findWithClusterBus();
                RedisServer server = RedisNodes.server(port, dir, List.of(
                        "cluster-enabled yes",
                        "cluster-config-file nodes-" + port + ".conf",
                        "cluster-node-timeout 1000"));
                server.start();
                servers.add(server);
                (i < masters ? masterPorts : replicaPorts).add(port);
            }
            List<Integer> all = new ArrayList<>(masterPorts);
            all.addAll(replicaPorts);
            List<StatefulRedisConnection<String, String>> connections = all.stream()
                    .map(port -> RedisNodes.connect(client, port)).toList();
            var first = connections.getFirst().sync();
            all.stream().skip(1).forEach(port -> first.clusterMeet("127.0.0.1", port));
            for (int i = 0; i < masters; i++) {
                int from = SLOTS * i / masters;
                int to = SLOTS * (i + 1) / masters;
                connections.get(i).sync().clusterAddSlots(IntStream.range(from, to).toArray());
            }
            RedisNodes.await("every cluster node knowing all " + all.size(), READY, () -> connections.stream()
                    .allMatch(c -> c.sync().clusterInfo().contains("cluster_known_nodes:" + all.size())));
            for (int r = 0; r < replicaPorts.size(); r++) {
                String masterId = connections.get(r % masters).sync().clusterMyId();
                connections.get(masters + r).sync().clusterReplicate(masterId);
            }
            RedisNodes.await("cluster_state:ok on every node", READY, () -> connections.stream()
                    .allMatch(c -> c.sync().clusterInfo().contains("cluster_state:ok")));
            for (int m = 0; m < masters && replicasPerMaster > 0; m++) {
                var master = connections.get(m).sync();
                RedisNodes.await("replicas of master " + masterPorts.get(m) + " in sync", READY,
                        () -> master.info("replication").split("state=online", -1).length - 1 == replicasPerMaster);
            }
            connections.forEach(StatefulRedisConnection::close);
            return new EmbeddedRedisCluster(List.copyOf(masterPorts), List.copyOf(replicaPorts), List.copyOf(servers), dir);
        } catch (IOException | RuntimeException e) {
            servers.forEach(RedisNodes::stop);
            RedisNodes.delete(dir);
            throw e instanceof EmbeddedStartException s ? s
                    : new EmbeddedStartException("Embedded Redis Cluster cannot start: " + e.getMessage(), e);
        } finally {
            client.shutdown();
        }
    }

    /** The value of {@code spring.data.redis.cluster.nodes}: every master. */
    public String nodes() {
        return masterPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    public List<Integer> masterPorts() {
        return masterPorts;
    }

    public List<Integer> replicaPorts() {
        return replicaPorts;
    }

    public boolean isRunning() {
        return running;
    }

    /** Stops every node; safe to call twice. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        servers.forEach(RedisNodes::stop);
        RedisNodes.delete(dir);
    }
}
