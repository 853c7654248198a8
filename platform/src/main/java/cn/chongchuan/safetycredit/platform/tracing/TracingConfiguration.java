package cn.chongchuan.safetycredit.platform.tracing;

import io.micrometer.observation.ObservationFilter;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Tracing for the gateway and both services. Off unless {@value #ENDPOINT} names an OTLP/HTTP
 * receiver: then the tracer and the propagator are no-ops (no span, no trace id in the logs, no
 * {@code traceparent} sent, nothing exported), whatever else is on the class path. On: Spring
 * Boot's OpenTelemetry tracer and W3C propagation, every span's key values masked.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    /** The one switch: Spring Boot's OTLP span exporter endpoint (e.g. {@code http://collector:4318/v1/traces}). */
    public static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    @Bean
    @Conditional(NoEndpoint.class)
    Tracer tracingOff() {
        return Tracer.NOOP;
    }

    @Bean
    @Conditional(NoEndpoint.class)
    Propagator propagationOff() {
        return Propagator.NOOP;
    }

    @Bean
    ObservationFilter idNumbersMaskedInObservations() {
        return new IdNumberMaskingObservationFilter();
    }

    @Bean
    TraceContexts traceContexts(Tracer tracer, Propagator propagator, ObjectProvider<ObservationRegistry> registry) {
        return new TraceContexts(tracer, propagator, registry.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    /** Matches when no OTLP endpoint is configured. */
    static class NoEndpoint implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty(ENDPOINT));
        }
    }
}
