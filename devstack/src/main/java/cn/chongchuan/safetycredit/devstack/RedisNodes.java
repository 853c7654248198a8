package cn.chongchuan.safetycredit.devstack;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import redis.embedded.RedisServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** What the embedded Redis topologies (cluster, sentinel) share: the server settings, waiting, a scratch directory. */
final class RedisNodes {

    private RedisNodes() {
    }

    /** The embedded-redis binary with the settings of {@link EmbeddedRedis} (no persistence) plus {@code extra}. */
    static RedisServer server(int port, Path dir, List<String> extra) throws IOException {
        var builder = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("dir " + dir)
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("maxmemory 256mb")
                // a replica's first sync goes over the socket: nothing written to disk, no waiting
                .setting("repl-diskless-sync yes")
                .setting("repl-diskless-sync-delay 0")
                .onShutdownForceStop(true);
        extra.forEach(builder::setting);
        return builder.build();
    }

    static StatefulRedisConnection<String, String> connect(RedisClient client, int port) {
        return client.connect(RedisURI.builder().withHost("127.0.0.1").withPort(port)
                .withTimeout(Duration.ofSeconds(2)).build());
    }

    /** Polls {@code condition} every 20 ms until it holds; fails naming {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                last = notYet;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        throw new EmbeddedStartException("Embedded Redis: " + what + " did not happen within " + timeout.toSeconds() + " s"
                + (last != null ? " (last error: " + last.getMessage() + ")" : ""), last);
    }

    static Path scratch(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans it up
        }
    }

    static void stop(redis.embedded.Redis server) {
        try {
            server.stop();
        } catch (IOException | RuntimeException ignored) {
            // already gone (a fault run may have killed it)
        }
    }
}
