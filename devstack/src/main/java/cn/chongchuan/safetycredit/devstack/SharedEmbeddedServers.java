package cn.chongchuan.safetycredit.devstack;

/**
 * One embedded MariaDB and one embedded Redis per JVM, started on first use, shared by every
 * Spring context of the test run, and stopped when the JVM exits.
 */
public final class SharedEmbeddedServers {

    private static EmbeddedMariaDb mariaDb;
    private static EmbeddedRedis redis;
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

    /** Whether either shared server has been started in this JVM. */
    public static synchronized boolean anyStarted() {
        return mariaDb != null || redis != null;
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
        if (mariaDb != null) {
            mariaDb.close();
        }
    }
}
