package cn.chongchuan.safetycredit.credit.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** Service-wide beans: the clock every time rule reads (replaced in tests), scheduling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CreditConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
