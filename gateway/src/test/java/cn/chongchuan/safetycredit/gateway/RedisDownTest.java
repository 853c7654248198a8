package cn.chongchuan.safetycredit.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** Redis cannot be reached: the rate limiter lets requests through rather than stopping the API. */
class RedisDownTest extends GatewayTest {

    @DynamicPropertySource
    static void redisDown(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> "redis://127.0.0.1:" + unusedPort());
    }

    @Test
    void requestsStillPassWhenRedisIsDown() {
        assertThat(getWithKey("/api/v1/checks/91310110666007217T", APPROVAL_KEY).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/public/listings").statusCode()).isEqualTo(200);
        assertThat(Backends.creditReceived()).hasSize(2);
    }

    @Test
    void keysAreStillCheckedWhenRedisIsDown() {
        assertProblem(getWithKey("/api/v1/checks/91310110666007217T", "wrong"), 401, "unauthenticated");
        assertThat(Backends.allReceived()).isEmpty();
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
