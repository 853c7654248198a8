package cn.chongchuan.safetycredit.gateway.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Request headers a client might use to claim an identity. The gateway removes all of them (and
 * {@code Authorization}, {@code X-Api-Key}) before forwarding: the services trust only the token it signs.
 */
@ConfigurationProperties("gateway.identity")
public record IdentityProperties(
        @DefaultValue({"X-Department", "X-Dept", "X-Roles", "X-Role", "X-User", "X-User-Id", "X-Forwarded-User",
                "X-Forwarded-Email", "X-Forwarded-Preferred-Username", "X-Remote-User", "Remote-User",
                "X-Authenticated-User", "X-Auth-Request-User", "X-Auth-Request-Email", "X-Auth-User",
                "X-Internal-Token", "X-Caller"}) List<String> spoofableHeaders) {
}
