import cn.chongchuan.safetycredit.devstack.EmbeddedMariaDb;
import cn.chongchuan.safetycredit.devstack.EmbeddedRedis;
import cn.chongchuan.safetycredit.devstack.EmbeddedRedisCluster;
import cn.chongchuan.safetycredit.devstack.EmbeddedRedisSentinel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Starts a MariaDB and a Redis topology for faults/redis-ha.sh, writes their ports to args[0],
 * runs until stdin closes. args[1]: {@code standalone} (one server, for comparison), {@code sentinel} (primary, replica, three sentinels),
 * {@code cluster} (three masters) or {@code cluster-replicas} (three masters, one replica each).
 */
public class RedisHaServers {
    public static void main(String[] args) throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(0);
        db.createDatabase("credit");
        String env = "MARIADB_PORT=" + db.port() + "\n";
        AutoCloseable redis;
        if (args[1].equals("standalone")) {
            EmbeddedRedis single = EmbeddedRedis.start(0);
            redis = single;
            env += "REDIS_PORT=" + single.port() + "\n";
        } else if (args[1].equals("sentinel")) {
            EmbeddedRedisSentinel sentinel = EmbeddedRedisSentinel.start();
            sentinel.awaitFailoverReady();
            redis = sentinel;
            env += "SENTINEL_MASTER=" + sentinel.masterName() + "\nSENTINEL_NODES=" + sentinel.sentinelNodes()
                    + "\nSENTINEL_PORT=" + sentinel.sentinelPorts().getFirst()
                    + "\nPRIMARY_PORT=" + sentinel.primaryPort() + "\nREPLICA_PORT=" + sentinel.replicaPort() + "\n";
        } else {
            EmbeddedRedisCluster cluster = EmbeddedRedisCluster.start(3, args[1].equals("cluster-replicas") ? 1 : 0);
            redis = cluster;
            env += "CLUSTER_NODES=" + cluster.nodes() + "\nMASTER_PORTS=\"" + cluster.masterPorts().stream()
                    .map(String::valueOf).collect(Collectors.joining(" ")) + "\"\n";
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                redis.close();
            } catch (Exception ignored) {
                // stopping anyway
            }
            db.close();
        }));
        Files.writeString(Path.of(args[0]), env);
        while (System.in.read() >= 0) {
            // run until the script closes our stdin
        }
        System.exit(0);
    }
}
