package cn.chongchuan.safetycredit.devstack;

import redis.embedded.RedisServer;

import java.io.IOException;

/** A real Redis 6.2 server (embedded-redis) on a loopback port, without persistence. */
public final class EmbeddedRedis implements AutoCloseable {

    private final int port;
    private final RedisServer server;
    private volatile boolean running;

    private EmbeddedRedis(int port, RedisServer server) {
        this.port = port;
        this.server = server;
    }

    /** Starts a server on {@code port}, or on a free port when {@code port} is 0. */
    public static EmbeddedRedis start(int port) {
        int chosen = port == 0 ? FreePort.find() : port;
        if (FreePort.isTaken(chosen)) {
            throw new EmbeddedStartException("Embedded Redis cannot start: port " + chosen
                    + " on 127.0.0.1 is already in use (choose another with DEVSTACK_REDIS_PORT)");
        }
        try {
            RedisServer server = RedisServer.newRedisServer()
                    .port(chosen)
                    .bind("127.0.0.1")
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("maxmemory 256mb")
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            EmbeddedRedis redis = new EmbeddedRedis(chosen, server);
            redis.running = true;
            return redis;
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedStartException("Embedded Redis cannot start: " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** The URL in the form {@code spring.data.redis.url} expects. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return running;
    }

    /** Stops the server; safe to call twice. */
    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        try {
            server.stop();
        } catch (IOException e) {
            throw new IllegalStateException("Embedded Redis did not stop cleanly", e);
        }
    }
}
