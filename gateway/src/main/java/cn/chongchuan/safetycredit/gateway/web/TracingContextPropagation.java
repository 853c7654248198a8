package cn.chongchuan.safetycredit.gateway.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.util.Map;

/**
 * Reactor's automatic context propagation ({@code spring.reactor.context-propagation=auto}) only
 * while the gateway traces. It brings the trace and span ids of a request into the MDC, and so into
 * the log lines, on Reactor's threads; it restores thread locals around every operator of every
 * request, which showed as the gateway's top method in the issue-19 profile
 * ({@code InnerOperator.currentContext}). Without tracing (no OTLP endpoint, the default) there are no
 * trace ids to carry, the request id is logged from the exchange itself, and Boot's default
 * ({@code limited}) stays. Set {@code spring.reactor.context-propagation} to choose either way.
 */
public class TracingContextPropagation implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "spring.reactor.context-propagation";
    static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.containsProperty(PROPERTY) && StringUtils.hasText(environment.getProperty(OTLP_ENDPOINT))) {
            environment.getPropertySources().addLast(
                    new MapPropertySource("gatewayTracingContextPropagation", Map.of(PROPERTY, "auto")));
        }
    }

    /** After the configuration files are read (they may name the endpoint or set the property). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
