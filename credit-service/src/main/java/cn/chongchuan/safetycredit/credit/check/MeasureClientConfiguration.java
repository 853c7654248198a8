package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.platform.token.InternalTokens;
import feign.Request;
import feign.RequestInterceptor;
import feign.Retryer;
import org.springframework.context.annotation.Bean;

import java.util.List;

/** The catalogue fetch: a fresh SERVICE token per call, short timeouts, no Feign retries (the next refresh retries). */
class MeasureClientConfiguration {

    @Bean
    Request.Options measureTimeouts(CheckProperties properties) {
        return new Request.Options(properties.measures().connectTimeout(), properties.measures().readTimeout(), false);
    }

    @Bean
    Retryer measureRetryer() {
        return Retryer.NEVER_RETRY;
    }

    @Bean
    RequestInterceptor measureServiceToken(InternalTokens tokens) {
        return request -> request.header("Authorization", "Bearer " + tokens.issue("credit-service", List.of("SERVICE")));
    }
}
