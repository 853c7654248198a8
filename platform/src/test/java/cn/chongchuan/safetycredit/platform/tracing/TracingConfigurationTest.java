package cn.chongchuan.safetycredit.platform.tracing;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class TracingConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(TracingConfiguration.class);

    @Test
    void withoutAnOtlpEndpointTracingIsOffAndWorkStillRuns() {
        context.run(app -> {
            assertThat(app.getBean(Tracer.class)).isSameAs(Tracer.NOOP);
            assertThat(app.getBean(Propagator.class)).isSameAs(Propagator.NOOP);
            TraceContexts traces = app.getBean(TraceContexts.class);
            AtomicBoolean ran = new AtomicBoolean();
            traces.continueTrace("test.work", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                    () -> ran.set(true));
            assertThat(ran).isTrue();
            assertThat(traces.currentTraceparent()).isEmpty();
        });
    }

    @Test
    void withAnOtlpEndpointTheNoOpsGiveWayToTheApplicationsTracer() {
        context.withPropertyValues(TracingConfiguration.ENDPOINT + "=http://127.0.0.1:4318/v1/traces")
                .withBean(Tracer.class, () -> Tracer.NOOP)
                .withBean(Propagator.class, () -> Propagator.NOOP)
                .run(app -> {
                    assertThat(app).doesNotHaveBean("tracingOff").doesNotHaveBean("propagationOff");
                    assertThat(app).hasSingleBean(TraceContexts.class);
                });
    }

    @Test
    void anIdNumberInASpansAttributesOrNameIsMasked() {
        Observation.Context observed = new Observation.Context();
        observed.setName("http.server.requests");
        observed.setContextualName("http get /api/v1/checks/32060219650103205X");
        observed.addHighCardinalityKeyValue(KeyValue.of("http.url", "/api/v1/checks/32060219650103205X"));
        observed.addHighCardinalityKeyValue(KeyValue.of("http.uri",
                "http://127.0.0.1:8081/api/v1/checks/audit?code=%33%32060219650103205X"));
        observed.addLowCardinalityKeyValue(KeyValue.of("uri", "/api/v1/checks/{code}"));

        Observation.Context masked = new IdNumberMaskingObservationFilter().map(observed);

        assertThat(masked.getHighCardinalityKeyValue("http.url").getValue())
                .isEqualTo("/api/v1/checks/320602********205X");
        assertThat(masked.getHighCardinalityKeyValue("http.uri").getValue())
                .isEqualTo("http://127.0.0.1:8081/api/v1/checks/audit?code=320602********205X");
        assertThat(masked.getLowCardinalityKeyValue("uri").getValue()).isEqualTo("/api/v1/checks/{code}");
        assertThat(masked.getContextualName()).isEqualTo("http get /api/v1/checks/320602********205X");
    }

    @Test
    void theFilterIsAppliedToEveryObservationOfARegistry() {
        context.run(app -> {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationFilter(app.getBean(IdNumberMaskingObservationFilter.class));
            Observation.Context[] stopped = new Observation.Context[1];
            registry.observationConfig().observationHandler(new io.micrometer.observation.ObservationHandler<>() {
                @Override
                public void onStop(Observation.Context context) {
                    stopped[0] = context;
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                    return true;
                }
            });
            Observation.createNotStarted("test", registry)
                    .highCardinalityKeyValue("http.url", "/api/v1/checks/32060219650103205X").start().stop();
            assertThat(stopped[0].getHighCardinalityKeyValue("http.url").getValue()).doesNotContain("19650103");
        });
    }
}
