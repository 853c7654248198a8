package cn.chongchuan.safetycredit.credit.outbox;

import cn.chongchuan.safetycredit.platform.token.InternalTokens;
import feign.RequestInterceptor;
import org.springframework.context.annotation.Bean;

import java.util.List;

/** Signs every call credit-service makes to sanction-service with a fresh SERVICE token. */
public class ServiceTokenFeignConfiguration {

    public static final String SERVICE_NAME = "credit-service";

    @Bean
    RequestInterceptor serviceToken(InternalTokens tokens) {
        return request -> request.header("Authorization", "Bearer " + tokens.issue(SERVICE_NAME, List.of("SERVICE")));
    }
}
