package cn.chongchuan.safetycredit.gateway.routing;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

import java.util.Comparator;
import java.util.List;

/**
 * The load balancer's instance list for every service: the configured instances, less those that
 * did not answer their last health probe ({@code spring.cloud.loadbalancer.health-check.*}: the
 * path and how often). A killed instance leaves the rotation within one interval and comes back
 * when it answers again; in between, the routes' retry of refused connections covers the requests
 * already on their way to it. When no instance answered (every probe slow during a load spike, or
 * the service really down), all configured instances are used: the probes then never turn a slow
 * service into a gateway-made outage, and the route's circuit breaker decides as before.
 *
 * <p>Spring Cloud's own {@code health-check} configuration would do the first part but needs a
 * {@code WebClient.Builder} bean the gateway does not otherwise have. Registered as the default
 * load-balancer configuration (not a {@code @Configuration}: it lives in each service's child
 * context).
 */
public class HealthCheckedInstances {

    @Bean
    ServiceInstanceListSupplier healthCheckedInstanceListSupplier(ConfigurableApplicationContext context) {
        ServiceInstanceListSupplier configured = ServiceInstanceListSupplier.builder().withDiscoveryClient().build(context);
        ServiceInstanceListSupplier healthy = ServiceInstanceListSupplier.builder()
                .withBase(configured)
                .withHealthChecks(WebClient.create())
                .build(context);
        return new HealthyOrAll(healthy, configured);
    }

    /** The healthy instances, or every configured one when none is healthy; ordered by URI. */
    static final class HealthyOrAll implements ServiceInstanceListSupplier, InitializingBean, DisposableBean {

        private static final Comparator<ServiceInstance> BY_URI = Comparator.comparing(instance -> instance.getUri().toString());

        private final ServiceInstanceListSupplier healthy;
        private final ServiceInstanceListSupplier configured;

        HealthyOrAll(ServiceInstanceListSupplier healthy, ServiceInstanceListSupplier configured) {
            this.healthy = healthy;
            this.configured = configured;
        }

        @Override
        public String getServiceId() {
            return healthy.getServiceId();
        }

        /**
         * In a stable order: the probes answer in any order, and the round robin walks the list by
         * position, so an order changing between rounds would send two requests in a row to one
         * instance.
         */
        @Override
        public Flux<List<ServiceInstance>> get() {
            return healthy.get()
                    .switchMap(instances -> instances.isEmpty() ? configured.get().take(1) : Flux.just(instances))
                    .map(instances -> instances.stream().sorted(BY_URI).toList());
        }

        @Override
        public void afterPropertiesSet() throws Exception {
            if (healthy instanceof InitializingBean probes) {
                probes.afterPropertiesSet();
            }
        }

        @Override
        public void destroy() throws Exception {
            if (healthy instanceof DisposableBean probes) {
                probes.destroy();
            }
        }
    }
}
