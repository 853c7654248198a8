import cn.chongchuan.safetycredit.devstack.EmbeddedMariaDb;
import cn.chongchuan.safetycredit.devstack.EmbeddedRedis;

import java.nio.file.Files;
import java.nio.file.Path;

/** Starts a MariaDB and a Redis for the benchmark, writes their ports to args[0], runs until stdin closes. */
public class BenchServers {
    public static void main(String[] args) throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(0);
        db.createDatabase("credit");
        EmbeddedRedis redis = EmbeddedRedis.start(0);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            redis.close();
            db.close();
        }));
        Files.writeString(Path.of(args[0]), "MARIADB_PORT=" + db.port() + "\nREDIS_PORT=" + redis.port() + "\n");
        while (System.in.read() >= 0) {
            // run until the script closes our stdin
        }
        System.exit(0);
    }
}
