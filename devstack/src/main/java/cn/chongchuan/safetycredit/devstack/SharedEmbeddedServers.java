package cn.chongchuan.safetycredit.devstack;

/**
 * One embedded MariaDB and one embedded Redis per JVM, started on first use, shared by every
 * Spring context of the test run, and stopped when the JVM exits; likewise one Redis Cluster and
 * one Sentinel set for the test classes that ask for them ({@code devstack.redis.topology}).
 */
public final class SharedEmbeddedServers {

    private static EmbeddedMariaDb mariaDb;
    private static EmbeddedRedis redis;
    private static EmbeddedRedisCluster redisCluster;
    private static EmbeddedRedisSentinel redisSentinel;
    private static boolean hookInstalled;

    private SharedEmbeddedServers() {
    }

    /** The shared MariaDB, started now if it is not running yet. */
    public static synchronized EmbeddedMariaDb mariaDb() {
        if (mariaDb == null) {
            installShutdownHook();
            mariaDb = EmbeddedMariaDb.start(0);
        }
        return mariaDb;
    }

    /** The shared Redis, started now if it is not running yet. */
    public static synchronized EmbeddedRedis redis() {
        if (redis == null) {
            installShutdownHook();
            redis = EmbeddedRedis.start(0);
        }
        return redis;
    }

    /** The shared three-master Redis Cluster, started now if it is not running yet. */
    public static synchronized EmbeddedRedisCluster redisCluster() {
        if (redisCluster == null) {
            installShutdownHook();
            redisCluster = EmbeddedRedisCluster.start(3, 0);
        }
        return redisCluster;
    }

    /** The shared primary, replica and three sentinels, started now if they are not running yet. */
    public static synchronized EmbeddedRedisSentinel redisSentinel() {
        if (redisSentinel == null) {
            installShutdownHook();
            redisSentinel = EmbeddedRedisSentinel.start();
        }
        return redisSentinel;
    }

    /** Whether either shared server has been started in this JVM. */
    public static synchronized boolean anyStarted() {
        return mariaDb != null || redis != null || redisCluster != null || redisSentinel != null;
    }

    private static void installShutdownHook() {
        if (hookInstalled) {
            return;
        }
        hookInstalled = true;
        Runtime.getRuntime().addShutdownHook(new Thread(SharedEmbeddedServers::stopAll, "devstack-shutdown"));
    }

    private static synchronized void stopAll() {
        if (redis != null) {
            redis.close();
        }
        if (redisSentinel != null) {
            redisSentinel.close();
        }
        if (redisCluster != null) {
            redisCluster.close();
        }
        if (mariaDb != null) {
            mariaDb.close();
        }
    }
}
