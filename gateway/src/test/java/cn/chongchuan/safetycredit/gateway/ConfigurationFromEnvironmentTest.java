package cn.chongchuan.safetycredit.gateway;

import cn.chongchuan.safetycredit.gateway.identity.ApiKeyProperties;
import cn.chongchuan.safetycredit.gateway.identity.ApiKeys;
import cn.chongchuan.safetycredit.gateway.routing.ServiceUrlToInstanceConverter;
import cn.chongchuan.safetycredit.gateway.web.CorsProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.cloud.client.discovery.simple.InstanceProperties;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryProperties;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What ops and the local run set as environment variables reaches the gateway's settings. */
class ConfigurationFromEnvironmentTest {

    @Test
    void apiKeysCanBeAddedThroughEnvironmentVariables() throws IOException {
        Binder binder = binder(Map.of(
                "GATEWAY_APIKEYS_0_SHA256", ApiKeys.sha256Hex("key-of-ajj"),
                "GATEWAY_APIKEYS_0_DEPARTMENT", "AJJ",
                "GATEWAY_APIKEYS_0_ROLES", "ENFORCEMENT,PARTNER",
                "GATEWAY_APIKEYS_1_SHA256", ApiKeys.sha256Hex("key-of-awb"),
                "GATEWAY_APIKEYS_1_DEPARTMENT", "AWB",
                "GATEWAY_APIKEYS_1_ROLES", "ADMIN",
                "GATEWAY_APIKEYS_1_LABEL", "credit office console"));

        ApiKeys keys = ApiKeys.of(binder.bind("gateway", ApiKeyProperties.class).get().apiKeys());

        assertThat(keys.authenticate("key-of-ajj")).hasValueSatisfying(caller -> {
            assertThat(caller.department()).isEqualTo("AJJ");
            assertThat(caller.roles()).containsExactly("ENFORCEMENT", "PARTNER");
        });
        assertThat(keys.authenticate("key-of-awb")).hasValueSatisfying(caller ->
                assertThat(caller.label()).isEqualTo("credit office console"));
    }

    @Test
    void severalInstancesOfAServiceAreOneCommaSeparatedVariable() throws IOException {
        Binder binder = binder(Map.of("GATEWAY_CREDIT_URLS", "http://10.0.0.5:8081, http://10.0.0.6:8081"));

        SimpleReactiveDiscoveryProperties discovery = binder
                .bind("spring.cloud.discovery.client.simple", SimpleReactiveDiscoveryProperties.class).get();

        assertThat(discovery.getInstances("credit-service")).extracting(InstanceProperties::getUri).extracting(Object::toString)
                .containsExactly("http://10.0.0.5:8081", "http://10.0.0.6:8081");
        assertThat(discovery.getInstances("sanction-service")).extracting(i -> i.getUri().toString())
                .containsExactly("http://127.0.0.1:8082");
    }

    @Test
    void theOlderSingleUrlVariableStillWorks() throws IOException {
        Binder binder = binder(Map.of("GATEWAY_SANCTION_URL", "http://10.0.0.7:8082"));

        SimpleReactiveDiscoveryProperties discovery = binder
                .bind("spring.cloud.discovery.client.simple", SimpleReactiveDiscoveryProperties.class).get();

        assertThat(discovery.getInstances("sanction-service")).extracting(i -> i.getUri().toString())
                .containsExactly("http://10.0.0.7:8082");
    }

    @Test
    void limitsAndOriginFollowSpringBootsEnvironmentVariableNames() throws IOException {
        StandardEnvironment environment = environment(Map.of(
                "GATEWAY_RATELIMIT_DEPARTMENT_REPLENISHRATE", "7",
                "GATEWAY_CORS_ALLOWEDORIGIN", "https://console.example"));

        assertThat(environment.resolvePlaceholders("${gateway.rate-limit.department.replenish-rate}")).isEqualTo("7");
        assertThat(environment.resolvePlaceholders("${gateway.rate-limit.department.burst-capacity}")).isEqualTo("100");
        assertThat(binder(environment).bind("gateway.cors", CorsProperties.class).get().origins())
                .containsExactly("https://console.example");
    }

    private static Binder binder(Map<String, Object> variables) throws IOException {
        return binder(environment(variables));
    }

    private static Binder binder(StandardEnvironment environment) {
        ApplicationConversionService conversion = new ApplicationConversionService();
        conversion.addConverter(new ServiceUrlToInstanceConverter());
        return new Binder(ConfigurationPropertySources.get(environment), new PropertySourcesPlaceholdersResolver(environment),
                conversion);
    }

    /** The gateway's own application.yml under these environment variables, as Spring Boot sees them. */
    private static StandardEnvironment environment(Map<String, Object> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(sources::addLast);
        ConfigurationPropertySources.attach(environment);
        return environment;
    }
}
