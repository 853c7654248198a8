package cn.chongchuan.safetycredit.gateway.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * The departments' API keys, each known only by the SHA-256 of the key (hex), with the department
 * code and roles it stands for. Ops add keys in configuration, e.g. environment variables
 * {@code GATEWAY_APIKEYS_0_SHA256}, {@code GATEWAY_APIKEYS_0_DEPARTMENT}, {@code GATEWAY_APIKEYS_0_ROLES},
 * or a YAML file named by {@code SPRING_CONFIG_IMPORT}; see docs/gateway.md.
 */
@ConfigurationProperties("gateway")
public record ApiKeyProperties(@DefaultValue List<Entry> apiKeys) {

    /** One key: its hash, the department it authenticates and that department's roles. */
    public record Entry(String sha256, String department, List<String> roles, String label) {
    }
}
