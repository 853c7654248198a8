package cn.chongchuan.safetycredit.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The browser origin of the console, the only one allowed to call the API cross-origin
 * (e.g. {@code https://credit-console.chongchuan.gov.cn}). Unset: same-origin only.
 */
@ConfigurationProperties("gateway.cors")
public record CorsProperties(String allowedOrigin) {

    public List<String> origins() {
        return allowedOrigin == null || allowedOrigin.isBlank() ? List.of() : List.of(allowedOrigin.trim());
    }
}
