package cn.chongchuan.safetycredit.gateway.ratelimit;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Reads the rate limiter's Lua script once. Spring Cloud Gateway's {@code redisRequestRateLimiterScript}
 * is a {@code DefaultRedisScript} over a {@code ResourceScriptSource}, and {@code getSha1()} asks that
 * source, on every request and inside a {@code synchronized} block, whether the file changed: a
 * {@code lastModified} on a URL inside the gateway's jar (spring-data-redis issue 2128). That was 16 %
 * of the gateway's CPU samples per request (bench/RESULTS.md, "The check end to end (issue 19)"). The
 * script ships in the jar and cannot change while the gateway runs, so the bean is replaced by the same
 * script text over a static source: the same SHA-1, the same EVALSHA, no file access.
 */
public final class RateLimiterScriptReadOnce implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (RedisRateLimiter.REDIS_SCRIPT_NAME.equals(beanName) && bean instanceof RedisScript<?> script) {
            return RedisScript.of(script.getScriptAsString(), script.getResultType());
        }
        return bean;
    }
}
