package cn.chongchuan.safetycredit.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway finds the client's IP for the public rate limit. With 0 trusted proxies (the
 * default, the gateway faces clients directly) it is the connection's address and
 * {@code X-Forwarded-For} is ignored, so it cannot be spoofed; behind N load balancers that append
 * to {@code X-Forwarded-For}, set N.
 */
@ConfigurationProperties("gateway.client-ip")
public record ClientIpProperties(@DefaultValue("0") int trustedProxies) {
}
