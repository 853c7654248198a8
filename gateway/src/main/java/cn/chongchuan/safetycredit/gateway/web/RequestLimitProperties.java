package cn.chongchuan.safetycredit.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a client may send through the gateway.
 *
 * @param maxBodySize   larger bodies get 413
 * @param maxPathLength longer paths get 414 (the HTTP server itself accepts request lines of up to
 *                      16 KB, server.netty.max-initial-line-length, so that this answer is a problem)
 */
@ConfigurationProperties("gateway.request")
public record RequestLimitProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("2048") int maxPathLength) {
}
