package cn.chongchuan.safetycredit.gateway.routing;

import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The load balancer's instance list for every service: the configured instances, less those that
 * did not answer their last health probe ({@code spring.cloud.loadbalancer.health-check.*}: the
 * path and how often). A killed instance leaves the rotation within one interval and comes back
 * when it answers again; in between, the routes' retry of refused connections covers the requests
 * already on their way to it.
 *
 * <p>Spring Cloud's own {@code health-check} configuration would do the same but needs a
 * {@code WebClient.Builder} bean the gateway does not otherwise have. Registered as the default
 * load-balancer configuration (not a {@code @Configuration}: it lives in each service's child
 * context).
 */
public class HealthCheckedInstances {

    @Bean
    ServiceInstanceListSupplier healthCheckedInstanceListSupplier(ConfigurableApplicationContext context) {
        return ServiceInstanceListSupplier.builder()
                .withDiscoveryClient()
                .withHealthChecks(WebClient.create())
                .build(context);
    }
}
