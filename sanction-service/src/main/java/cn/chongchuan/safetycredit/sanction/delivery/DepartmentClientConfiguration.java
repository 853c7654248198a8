package cn.chongchuan.safetycredit.sanction.delivery;

import feign.Retryer;
import feign.codec.Encoder;
import org.springframework.context.annotation.Bean;

/**
 * The department client's own Feign settings (deliberately not a {@code @Configuration}, so it
 * stays private to that client): the body goes out as the exact signed bytes, and Feign never
 * retries by itself — Resilience4j and the delivery schedule do.
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
}
