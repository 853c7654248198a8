package cn.chongchuan.safetycredit.credit.outbox;

import cn.chongchuan.safetycredit.platform.token.InternalTokens;
import cn.chongchuan.safetycredit.platform.tracing.TraceContexts;
import feign.Request;
import feign.RequestInterceptor;
import org.springframework.context.annotation.Bean;

import java.util.List;

/**
 * Signs every call credit-service makes to sanction-service with a fresh SERVICE token, with short
 * timeouts, and sends the trace it belongs to (traceparent) when tracing is on.
 */
public class ServiceTokenFeignConfiguration {

    public static final String SERVICE_NAME = "credit-service";

    @Bean
    Request.Options relayTimeouts(RelayProperties properties) {
        return new Request.Options(properties.connectTimeout(), properties.readTimeout(), false);
    }

    @Bean
    RequestInterceptor serviceToken(InternalTokens tokens) {
        return request -> request.header("Authorization", "Bearer " + tokens.issue(SERVICE_NAME, List.of("SERVICE")));
    }

    @Bean
    RequestInterceptor relayTraceparent(TraceContexts traces) {
        return request -> traces.inject((name, value) -> request.header(name, value));
    }
}
