package cn.chongchuan.safetycredit.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Limits on what a client may send through the gateway. */
@ConfigurationProperties("gateway.request")
public record RequestLimitProperties(@DefaultValue("1MB") DataSize maxBodySize) {
}
