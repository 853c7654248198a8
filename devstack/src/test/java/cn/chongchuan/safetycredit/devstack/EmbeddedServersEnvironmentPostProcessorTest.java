package cn.chongchuan.safetycredit.devstack;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedServersEnvironmentPostProcessorTest {

    private final AtomicInteger mariaDbStarts = new AtomicInteger();
    private final AtomicInteger redisStarts = new AtomicInteger();

    private final EmbeddedServersEnvironmentPostProcessor postProcessor =
            new EmbeddedServersEnvironmentPostProcessor(new EmbeddedServersEnvironmentPostProcessor.Servers() {
                @Override
                public EmbeddedMariaDb mariaDb() {
                    mariaDbStarts.incrementAndGet();
                    return SharedEmbeddedServers.mariaDb();
                }

                @Override
                public EmbeddedRedis redis() {
                    redisStarts.incrementAndGet();
                    return SharedEmbeddedServers.redis();
                }
            });

    @Test
    void nothingEmbeddedStartsWhenEnvironmentVariablesNameExternalServers() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:mysql://db.example:3306/credit",
                "SPRING_DATA_REDIS_URL", "redis://cache.example:6379")));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(mariaDbStarts).hasValue(0);
        assertThat(redisStarts).hasValue(0);
        assertThat(environment.getPropertySources().contains(EmbeddedServersEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:mysql://db.example:3306/credit");
    }

    @Test
    void nothingEmbeddedStartsWhenPropertiesNameExternalServers() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("props", Map.of(
                "spring.datasource.url", "jdbc:mysql://db.example:3306/credit",
                "spring.data.redis.host", "cache.example")));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(mariaDbStarts).hasValue(0);
        assertThat(redisStarts).hasValue(0);
    }

    @Test
    void applicationsWithoutJdbcOrRedisGetNothing() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("props", Map.of(
                "spring.application.name", "gateway",
                "devstack.mariadb.enabled", "false",
                "devstack.redis.enabled", "false")));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(mariaDbStarts).hasValue(0);
        assertThat(redisStarts).hasValue(0);
    }

    @Test
    void embeddedServersFillInWhatIsNotConfigured() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("props", Map.of(
                "spring.application.name", "credit-service",
                "devstack.mariadb.enabled", "true",
                "spring.data.redis.url", "redis://cache.example:6379")));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(mariaDbStarts).hasValue(1);
        assertThat(redisStarts).hasValue(0);
        assertThat(environment.getProperty("spring.datasource.url"))
                .startsWith("jdbc:mysql://127.0.0.1:" + SharedEmbeddedServers.mariaDb().port() + "/credit?");
        assertThat(environment.getProperty("spring.data.redis.url")).isEqualTo("redis://cache.example:6379");
    }

    @Test
    void aClusterTopologyIsNamedThroughTheStandardClusterPropertyAlone() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("props", Map.of(
                "devstack.mariadb.enabled", "false", "devstack.redis.topology", "cluster")));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(redisStarts).as("no single server").hasValue(0);
        assertThat(environment.getProperty("spring.data.redis.cluster.nodes"))
                .isEqualTo(SharedEmbeddedServers.redisCluster().nodes()).contains(",");
        assertThat(environment.getProperty("spring.data.redis.url")).isNull();
    }

    @Test
    void anUnknownTopologyIsRefusedByName() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("props", Map.of(
                "devstack.mariadb.enabled", "false", "devstack.redis.topology", "clustre")));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> postProcessor.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessage("devstack.redis.topology must be standalone, cluster or sentinel, not clustre");
    }
}
