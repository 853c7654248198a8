package cn.chongchuan.safetycredit.devstack;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import redis.embedded.Redis;
import redis.embedded.RedisSentinel;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A Redis primary, one replica and three sentinels (quorum two) of the embedded-redis binary
 * ({@code redis-server <conf> --sentinel}) on loopback. Sentinels call the primary down after one
 * second without an answer, so a failover takes two or three seconds.
 */
public final class EmbeddedRedisSentinel implements AutoCloseable {

    /** The name the sentinels monitor the primary under ({@code spring.data.redis.sentinel.master}). */
    public static final String MASTER_NAME = "devstack";
    private static final Duration READY = Duration.ofSeconds(20);

    private final int primaryPort;
    private final int replicaPort;
    private final List<Integer> sentinelPorts;
    private final List<Redis> servers;
    private final Path dir;
    private volatile boolean running = true;

    private EmbeddedRedisSentinel(int primaryPort, int replicaPort, List<Integer> sentinelPorts, List<Redis> servers, Path dir) {
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
        this.sentinelPorts = sentinelPorts;
        this.servers = servers;
        this.dir = dir;
    }

    /**
     * Starts primary, replica and sentinels, and waits until the replica is in sync and every
     * sentinel names the primary (not yet until sentinels know each other: see {@link #awaitFailoverReady}).
     */
    public static EmbeddedRedisSentinel start() {
        Path dir = RedisNodes.scratch("devstack-redis-sentinel");
        List<Redis> servers = new ArrayList<>();
        RedisClient client = RedisClient.create();
        try {
            int primaryPort = FreePort.find();
            RedisServer primary = RedisNodes.server(primaryPort, dir, List.of("dbfilename primary.rdb"));
            primary.start();
            servers.add(primary);
            int replicaPort = FreePort.find();
            RedisServer replica = RedisNodes.server(replicaPort, dir, List.of("dbfilename replica.rdb",
                    "replicaof 127.0.0.1 " + primaryPort));
            replica.start();
            servers.add(replica);
            List<Integer> sentinelPorts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int port = FreePort.find();
                RedisSentinel sentinel = RedisSentinel.newRedisSentinel()
                        .bind("127.0.0.1").port(port)
                        .masterName(MASTER_NAME).masterPort(primaryPort).quorumSize(2)
                        .downAfterMilliseconds(1000).failOverTimeout(5000).parallelSyncs(1)
                        .onShutdownForceStop(true)
                        .build();
                sentinel.start();
                servers.add(sentinel);
                sentinelPorts.add(port);
            }
            try (var connection = RedisNodes.connect(client, replicaPort)) {
                RedisNodes.await("the replica in sync with the primary", READY,
                        () -> connection.sync().info("replication").contains("master_link_status:up"));
            }
            EmbeddedRedisSentinel set = new EmbeddedRedisSentinel(primaryPort, replicaPort, List.copyOf(sentinelPorts),
                    List.copyOf(servers), dir);
            RedisNodes.await("every sentinel naming the primary", READY,
                    () -> sentinelPorts.stream().allMatch(p -> set.primaryPortSeenBy(client, p) == primaryPort));
            return set;
        } catch (IOException | RuntimeException e) {
            servers.reversed().forEach(RedisNodes::stop);
            RedisNodes.delete(dir);
            throw e instanceof EmbeddedStartException s ? s
                    : new EmbeddedStartException("Embedded Redis Sentinel cannot start: " + e.getMessage(), e);
        } finally {
            client.shutdown();
        }
    }

    /**
     * Waits until every sentinel knows the replica and the two other sentinels (their hello
     * messages go round every two seconds), so that killing the primary now is followed by a failover.
     */
    public void awaitFailoverReady() {
        RedisClient client = RedisClient.create();
        try {
            RedisNodes.await("every sentinel knowing the replica and the other sentinels", READY, () -> sentinelPorts.stream()
                    .allMatch(p -> {
                        try (var sentinel = client.connectSentinel(sentinelUri(p))) {
                            String info = sentinel.sync().info("sentinel");
                            return info.contains("slaves=1,sentinels=3");
                        }
                    }));
        } finally {
            client.shutdown();
        }
    }

    /** The primary's port as the sentinels see it now (after a failover, the former replica's). */
    public int currentPrimaryPort() {
        RedisClient client = RedisClient.create();
        try {
            return primaryPortSeenBy(client, sentinelPorts.getFirst());
        } finally {
            client.shutdown();
        }
    }

    private int primaryPortSeenBy(RedisClient client, int sentinelPort) {
        try (var sentinel = client.connectSentinel(sentinelUri(sentinelPort))) {
            var address = sentinel.sync().getMasterAddrByName(MASTER_NAME);
            return address == null ? -1 : ((java.net.InetSocketAddress) address).getPort();
        }
    }

    private static RedisURI sentinelUri(int port) {
        return RedisURI.builder().withHost("127.0.0.1").withPort(port).withTimeout(Duration.ofSeconds(2)).build();
    }

    public String masterName() {
        return MASTER_NAME;
    }

    /** The value of {@code spring.data.redis.sentinel.nodes}. */
    public String sentinelNodes() {
        return sentinelPorts.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
    }

    /** The port of the server that was primary at start. */
    public int primaryPort() {
        return primaryPort;
    }

    public int replicaPort() {
        return replicaPort;
    }

    public List<Integer> sentinelPorts() {
        return sentinelPorts;
    }

    public boolean isRunning() {
        return running;
    }

    /** Stops the sentinels first (so that they start no failover), then the servers; safe to call twice. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        servers.reversed().forEach(RedisNodes::stop);
        RedisNodes.delete(dir);
    }
}
