package cn.chongchuan.safetycredit.gateway;

import org.springframework.test.context.TestPropertySource;

/** Every rate-limit test behind Redis Sentinel ({@code spring.data.redis.sentinel.master} and {@code .nodes}). */
@TestPropertySource(properties = "devstack.redis.topology=sentinel")
class RateLimitBehindRedisSentinelTest extends RateLimitTest {
}
