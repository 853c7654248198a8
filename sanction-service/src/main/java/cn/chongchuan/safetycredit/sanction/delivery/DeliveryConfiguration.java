package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.sanction.department.DepartmentEndpoints;
import cn.chongchuan.safetycredit.sanction.notice.DeliveryQueue;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/** Turns on the Feign client for department endpoints and builds this instance's dispatcher. */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = DepartmentClient.class)
class DeliveryConfiguration {

    @Bean
    NoticeDispatcher noticeDispatcher(DeliveryQueue queue, NoticeDelivery delivery, DepartmentEndpoints endpoints,
            DeliveryProperties properties, PlatformTransactionManager transactions, Clock clock) {
        String id = properties.instanceId() == null || properties.instanceId().isBlank()
                ? NoticeDispatcher.defaultId() : properties.instanceId();
        // Claims need no repeatable snapshot; READ COMMITTED spares the gap locks that would make
        // concurrent fan-outs wait for a claim to commit.
        TransactionTemplate claims = new TransactionTemplate(transactions);
        claims.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return new NoticeDispatcher(id, queue, delivery, endpoints, properties, claims, clock);
    }
}
