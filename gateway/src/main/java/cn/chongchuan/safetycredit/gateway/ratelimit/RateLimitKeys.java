package cn.chongchuan.safetycredit.gateway.ratelimit;

import cn.chongchuan.safetycredit.gateway.identity.IdentityForwardingFilter;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;

/**
 * The keys of the Redis rate limits ({@code RequestRateLimiter} on each route): the authenticated
 * department on keyed routes, the client IP on public ones.
 */
public final class RateLimitKeys {

    private RateLimitKeys() {
    }

    /** Bucket per department; empty (refused by the limiter) if no key was authenticated. */
    public static KeyResolver department() {
        return exchange -> Mono.justOrEmpty(exchange.<String>getAttribute(IdentityForwardingFilter.DEPARTMENT_ATTR))
                .map(department -> "dept:" + department);
    }

    /** Bucket per client IP address. */
    public static KeyResolver clientIp(ClientIpProperties properties) {
        RemoteAddressResolver resolver = properties.trustedProxies() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxies())
                : new RemoteAddressResolver() {
                };
        return exchange -> {
            InetSocketAddress address = resolver.resolve(exchange);
            return Mono.justOrEmpty(address).map(a -> "ip:" + (a.getAddress() != null ? a.getAddress().getHostAddress() : a.getHostString()));
        };
    }
}
