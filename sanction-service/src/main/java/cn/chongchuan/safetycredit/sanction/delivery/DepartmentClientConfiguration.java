package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.platform.tracing.TraceContexts;
import feign.RequestInterceptor;
import feign.Retryer;
import feign.codec.Encoder;
import org.springframework.context.annotation.Bean;

/**
 * The department client's own Feign settings (deliberately not a {@code @Configuration}, so it
 * stays private to that client): the body goes out as the exact signed bytes, and Feign never
 * retries by itself — Resilience4j and the delivery schedule do. The delivery round's trace goes
 * with the notice as the W3C {@code traceparent} header (when tracing is on).
 */
class DepartmentClientConfiguration {

    @Bean
    Encoder departmentNoticeEncoder() {
        return new Encoder.Default();
    }

    @Bean
    Retryer departmentNoticeRetryer() {
        return Retryer.NEVER_RETRY;
    }

    @Bean
    RequestInterceptor departmentNoticeTraceparent(TraceContexts traces) {
        return request -> traces.inject((name, value) -> request.header(name, value));
    }
}
