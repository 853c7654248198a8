package cn.chongchuan.safetycredit.gateway;

import org.springframework.test.context.TestPropertySource;

/**
 * Every rate-limit test on a three-master Redis Cluster ({@code spring.data.redis.cluster.nodes}):
 * the limiter's script touches two keys, {@code request_rate_limiter.{<route>.<key>}.tokens} and
 * {@code .timestamp}, which share their hash tag; were they in two slots the script would fail
 * with CROSSSLOT and the limiter, failing open, would never answer 429.
 */
@TestPropertySource(properties = "devstack.redis.topology=cluster")
class RateLimitOnRedisClusterTest extends RateLimitTest {
}
