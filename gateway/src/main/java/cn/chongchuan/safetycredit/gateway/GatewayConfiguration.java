package cn.chongchuan.safetycredit.gateway;

import cn.chongchuan.safetycredit.gateway.console.ConsoleHeadersWebFilter;
import cn.chongchuan.safetycredit.gateway.console.ConsoleRoutes;
import cn.chongchuan.safetycredit.gateway.identity.ApiKeyProperties;
import cn.chongchuan.safetycredit.gateway.identity.ApiKeys;
import cn.chongchuan.safetycredit.gateway.identity.IdentityForwardingFilter;
import cn.chongchuan.safetycredit.gateway.identity.IdentityProperties;
import cn.chongchuan.safetycredit.gateway.problem.EmptyErrorResponsesAsProblemsFilter;
import cn.chongchuan.safetycredit.gateway.problem.GatewayProblems;
import cn.chongchuan.safetycredit.gateway.problem.ProblemErrorHandler;
import cn.chongchuan.safetycredit.gateway.ratelimit.ClientIpProperties;
import cn.chongchuan.safetycredit.gateway.ratelimit.KeyGuessGuard;
import cn.chongchuan.safetycredit.gateway.ratelimit.KeyGuessProperties;
import cn.chongchuan.safetycredit.gateway.ratelimit.RateLimitKeys;
import cn.chongchuan.safetycredit.gateway.ratelimit.RateLimiterScriptReadOnce;
import cn.chongchuan.safetycredit.gateway.routing.HealthCheckedInstances;
import cn.chongchuan.safetycredit.gateway.routing.ServiceFallback;
import cn.chongchuan.safetycredit.gateway.routing.ServiceUrlToInstanceConverter;
import cn.chongchuan.safetycredit.gateway.web.ConsoleCorsWebFilter;
import cn.chongchuan.safetycredit.gateway.web.CorsProperties;
import cn.chongchuan.safetycredit.gateway.web.PathSafetyWebFilter;
import cn.chongchuan.safetycredit.gateway.web.RequestIdWebFilter;
import cn.chongchuan.safetycredit.gateway.web.RequestLimitProperties;
import cn.chongchuan.safetycredit.gateway.web.RequestSizeWebFilter;
import cn.chongchuan.safetycredit.platform.token.InternalTokenProperties;
import cn.chongchuan.safetycredit.platform.token.InternalTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Wires the gateway's own pieces around Spring Cloud Gateway's routes (application.yml). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({InternalTokenProperties.class, ApiKeyProperties.class, IdentityProperties.class,
        KeyGuessProperties.class,
        RequestLimitProperties.class, CorsProperties.class, ClientIpProperties.class})
@LoadBalancerClients(defaultConfiguration = HealthCheckedInstances.class)
class GatewayConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GatewayConfiguration.class);

    /** The rate limiter's Lua script read once, not checked for changes on every request (see the class). */
    @Bean
    static RateLimiterScriptReadOnce rateLimiterScriptReadOnce() {
        return new RateLimiterScriptReadOnce();
    }

    @Bean
    GatewayProblems gatewayProblems(JsonMapper json) {
        return new GatewayProblems(json);
    }

    @Bean
    InternalTokens internalTokens(InternalTokenProperties properties) {
        return new InternalTokens(properties, Clock.systemUTC());
    }

    @Bean
    ApiKeys apiKeys(ApiKeyProperties properties) {
        ApiKeys keys = ApiKeys.of(properties.apiKeys());
        if (keys.size() == 0) {
            log.warn("no API keys are configured (gateway.api-keys): only public routes can be used");
        } else {
            log.info("{} department API keys configured", keys.size());
        }
        return keys;
    }

    @Bean
    IdentityForwardingFilter identityForwardingFilter(ApiKeys keys, InternalTokens tokens, IdentityProperties identity,
            GatewayProblems problems, KeyGuessGuard guesses, MeterRegistry meters) {
        return new IdentityForwardingFilter(keys, tokens, identity, problems, guesses, meters);
    }

    @Bean
    KeyGuessGuard keyGuessGuard(ReactiveStringRedisTemplate redis, ClientIpProperties clientIp, KeyGuessProperties properties) {
        return new KeyGuessGuard(redis, RateLimitKeys.clientIp(clientIp), properties, Clock.systemUTC());
    }

    @Bean
    EmptyErrorResponsesAsProblemsFilter emptyErrorResponsesAsProblemsFilter(GatewayProblems problems, MeterRegistry meters,
            GatewayProperties gateway) {
        List<String> rateLimited = gateway.getRoutes().stream()
                .filter(route -> route.getFilters().stream().anyMatch(f -> "RequestRateLimiter".equals(f.getName())))
                .map(RouteDefinition::getId).toList();
        return new EmptyErrorResponsesAsProblemsFilter(problems, meters, rateLimited);
    }

    @Bean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter();
    }

    @Bean
    ConsoleCorsWebFilter consoleCorsWebFilter(CorsProperties cors, GatewayProblems problems) {
        return new ConsoleCorsWebFilter(cors, problems);
    }

    @Bean
    PathSafetyWebFilter pathSafetyWebFilter(RequestLimitProperties limits, GatewayProblems problems) {
        return new PathSafetyWebFilter(limits, problems);
    }

    @Bean
    RequestSizeWebFilter requestSizeWebFilter(RequestLimitProperties limits, GatewayProblems problems) {
        return new RequestSizeWebFilter(limits, problems);
    }

    @Bean
    @Order(-2)
    ProblemErrorHandler problemErrorHandler(GatewayProblems problems,
            @Value("${gateway.unavailable-retry-after:10s}") Duration retryAfter) {
        return new ProblemErrorHandler(problems, retryAfter);
    }

    @Bean
    ServiceFallback serviceFallback(GatewayProblems problems,
            @Value("${gateway.unavailable-retry-after:10s}") Duration retryAfter) {
        return new ServiceFallback(problems, retryAfter);
    }

    @Bean
    RouterFunction<ServerResponse> serviceFallbackRoute(ServiceFallback fallback) {
        return RouterFunctions.route(RequestPredicates.path(ServiceFallback.PATH), fallback::handle);
    }

    @Bean
    RouterFunction<ServerResponse> consoleRoutes() {
        return ConsoleRoutes.routes();
    }

    @Bean
    ConsoleHeadersWebFilter consoleHeadersWebFilter() {
        return new ConsoleHeadersWebFilter();
    }

    @Bean
    static ServiceUrlToInstanceConverter serviceUrlToInstanceConverter() {
        return new ServiceUrlToInstanceConverter();
    }

    /** Rate-limit key on keyed routes; also the default for any RequestRateLimiter that names none. */
    @Bean
    @Primary
    KeyResolver departmentKeyResolver() {
        return RateLimitKeys.department();
    }

    @Bean
    KeyResolver clientIpKeyResolver(ClientIpProperties clientIp) {
        return RateLimitKeys.clientIp(clientIp);
    }
}
