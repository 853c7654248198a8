package cn.chongchuan.safetycredit.sanction.delivery;

import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** Turns on the Feign client for department endpoints and builds this instance's dispatcher. */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = DepartmentClient.class)
class DeliveryConfiguration {

    @Bean
    NoticeDispatcher noticeDispatcher(DeliveryMapper deliveries, NoticeDelivery delivery, DeliveryProperties properties,
            TransactionTemplate transaction, Clock clock) {
        String id = properties.instanceId() == null || properties.instanceId().isBlank()
                ? NoticeDispatcher.defaultId() : properties.instanceId();
        return new NoticeDispatcher(id, deliveries, delivery, properties, transaction, clock);
    }
}
