package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import org.springframework.test.context.TestPropertySource;

/** The check cache behind Redis Sentinel ({@code spring.data.redis.sentinel.master} and {@code .nodes}). */
@ServiceTest
@TestPropertySource(properties = "devstack.redis.topology=sentinel")
class CheckCacheBehindRedisSentinelTest extends CheckCacheTopologyTest {
}
