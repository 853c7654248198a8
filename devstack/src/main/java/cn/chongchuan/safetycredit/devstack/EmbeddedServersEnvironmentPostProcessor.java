package cn.chongchuan.safetycredit.devstack;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Points a service under test at the shared embedded MariaDB and Redis, unless its configuration
 * (properties or environment variables such as {@code SPRING_DATASOURCE_URL} and
 * {@code SPRING_DATA_REDIS_URL}) already names external ones; then nothing embedded starts.
 *
 * <p>Each service gets its own database, named by {@code devstack.database} or else by
 * {@code spring.application.name} without its {@code -service} suffix. MariaDB starts only for an
 * application that uses JDBC (HikariCP on its classpath, or {@code devstack.mariadb.enabled=true});
 * Redis only for one that uses Redis (Lettuce on its classpath, or {@code devstack.redis.enabled=true}).
 *
 * <p>{@code devstack.redis.topology} chooses the Redis: {@code standalone} (the default, one
 * server), {@code cluster} (three masters: {@code spring.data.redis.cluster.nodes}) or
 * {@code sentinel} (primary, replica, three sentinels: {@code spring.data.redis.sentinel.*}), so
 * that a test class proves the same beans on each through Spring Boot's standard properties.
 */
public class EmbeddedServersEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE_NAME = "devstack-embedded-servers";

    /** The properties that, when any is set, mean Redis is external. */
    static final List<String> EXTERNAL_REDIS_PROPERTIES = List.of(
            "spring.data.redis.url", "spring.data.redis.host",
            "spring.data.redis.sentinel.master", "spring.data.redis.cluster.nodes");

    /** Starts (or returns) the embedded servers; replaceable so the decision can be tested. */
    interface Servers {
        EmbeddedMariaDb mariaDb();

        EmbeddedRedis redis();

        default EmbeddedRedisCluster redisCluster() {
            return SharedEmbeddedServers.redisCluster();
        }

        default EmbeddedRedisSentinel redisSentinel() {
            return SharedEmbeddedServers.redisSentinel();
        }
    }

    private final Servers servers;

    public EmbeddedServersEnvironmentPostProcessor() {
        this(new Servers() {
            @Override
            public EmbeddedMariaDb mariaDb() {
                return SharedEmbeddedServers.mariaDb();
            }

            @Override
            public EmbeddedRedis redis() {
                return SharedEmbeddedServers.redis();
            }
        });
    }

    EmbeddedServersEnvironmentPostProcessor(Servers servers) {
        this.servers = servers;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("devstack.enabled", Boolean.class, true)) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        boolean usesJdbc = environment.getProperty("devstack.mariadb.enabled", Boolean.class,
                ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource", null));
        boolean usesRedis = environment.getProperty("devstack.redis.enabled", Boolean.class,
                ClassUtils.isPresent("io.lettuce.core.RedisClient", null));
        if (usesJdbc && !environment.containsProperty("spring.datasource.url")) {
            String database = databaseName(environment);
            EmbeddedMariaDb mariaDb = servers.mariaDb();
            mariaDb.createDatabase(database);
            properties.put("spring.datasource.url", mariaDb.jdbcUrl(database));
            properties.put("spring.datasource.username", mariaDb.username());
            properties.put("spring.datasource.password", "");
        }
        if (usesRedis && EXTERNAL_REDIS_PROPERTIES.stream().noneMatch(environment::containsProperty)) {
            switch (environment.getProperty("devstack.redis.topology", "standalone")) {
                case "standalone" -> properties.put("spring.data.redis.url", servers.redis().url());
                case "cluster" -> properties.put("spring.data.redis.cluster.nodes", servers.redisCluster().nodes());
                case "sentinel" -> {
                    EmbeddedRedisSentinel sentinel = servers.redisSentinel();
                    properties.put("spring.data.redis.sentinel.master", sentinel.masterName());
                    properties.put("spring.data.redis.sentinel.nodes", sentinel.sentinelNodes());
                }
                default -> throw new IllegalStateException(
                        "devstack.redis.topology must be standalone, cluster or sentinel, not "
                                + environment.getProperty("devstack.redis.topology"));
            }
        }
        if (!properties.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
        }
    }

    static String databaseName(ConfigurableEnvironment environment) {
        String explicit = environment.getProperty("devstack.database");
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String application = environment.getProperty("spring.application.name");
        if (application == null || application.isBlank()) {
            throw new IllegalStateException(
                    "devstack needs devstack.database or spring.application.name to name the embedded database");
        }
        return application.replaceFirst("-service$", "").replace('-', '_');
    }

    @Override
    public int getOrder() {
        // After the config data (application.yml, profiles) has been loaded.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
