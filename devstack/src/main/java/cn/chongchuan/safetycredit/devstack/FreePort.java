package cn.chongchuan.safetycredit.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Finds free loopback ports and tells whether a given one is taken. */
public final class FreePort {

    private FreePort() {
    }

    /** A port that was free a moment ago on 127.0.0.1. */
    public static int find() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /**
     * A free port whose Redis Cluster bus port (the port plus 10,000) is free too, both below Linux's
     * ephemeral range (32768 on), so no client connection's local port collides with a node's.
     */
    public static int findWithClusterBus() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = random.nextInt(20_000, 22_768);
            if (!isTaken(port) && !isTaken(port + 10_000)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port pair (p, p + 10000) for a Redis Cluster node");
    }

    /** Whether something already listens on (or holds) this loopback port. */
    public static boolean isTaken(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
