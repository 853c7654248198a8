package cn.chongchuan.safetycredit.gateway.web;

import org.junit.jupiter.api.Test;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.mock.env.MockEnvironment;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Reactor's automatic context propagation costs every request something: on only while tracing. */
class TracingContextPropagationTest {

    private static MockEnvironment processed(MockEnvironment environment) {
        new TracingContextPropagation().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    void withoutAnOtlpEndpointBootsDefaultStays() {
        assertThat(processed(new MockEnvironment()).getProperty(TracingContextPropagation.PROPERTY)).isNull();
        assertThat(processed(new MockEnvironment().withProperty(TracingContextPropagation.OTLP_ENDPOINT, " "))
                .getProperty(TracingContextPropagation.PROPERTY)).isNull();
    }

    @Test
    void whileTracingTheTraceIdsFollowTheRequestAcrossReactorsThreads() {
        MockEnvironment tracing = new MockEnvironment()
                .withProperty(TracingContextPropagation.OTLP_ENDPOINT, "http://127.0.0.1:4318/v1/traces");
        assertThat(processed(tracing).getProperty(TracingContextPropagation.PROPERTY)).isEqualTo("auto");
    }

    @Test
    void anExplicitSettingWins() {
        MockEnvironment chosen = new MockEnvironment()
                .withProperty(TracingContextPropagation.OTLP_ENDPOINT, "http://127.0.0.1:4318/v1/traces")
                .withProperty(TracingContextPropagation.PROPERTY, "limited");
        assertThat(processed(chosen).getProperty(TracingContextPropagation.PROPERTY)).isEqualTo("limited");
    }

    @Test
    void springBootRunsItAtStartUp() throws Exception {
        // Registered where Boot looks for environment post-processors (the gateway's own spring.factories).
        Properties factories = PropertiesLoaderUtils.loadProperties(new ClassPathResource("META-INF/spring.factories"));
        assertThat(factories.getProperty(EnvironmentPostProcessor.class.getName()))
                .contains(TracingContextPropagation.class.getName());
    }
}
