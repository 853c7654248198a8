package cn.chongchuan.safetycredit.gateway.web;

import cn.chongchuan.safetycredit.gateway.problem.GatewayProblems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;

/**
 * CORS for the console's origin only ({@code gateway.cors.allowed-origin}); a cross-origin request
 * from any other origin gets a 403 problem, and with no origin configured the API is same-origin
 * only. Preflights are answered here, before authentication, as browsers send them without keys.
 */
public class ConsoleCorsWebFilter implements WebFilter, Ordered {

    private final CorsConfiguration configuration;
    private final CorsProcessor processor = new DefaultCorsProcessor();
    private final GatewayProblems problems;

    public ConsoleCorsWebFilter(CorsProperties properties, GatewayProblems problems) {
        this.problems = problems;
        CorsConfiguration config = new CorsConfiguration();
        config.setAllowedOrigins(properties.origins());
        config.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.PUT.name(),
                HttpMethod.PATCH.name(), HttpMethod.DELETE.name()));
        config.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, "X-Api-Key", HttpHeaders.CONTENT_TYPE,
                RequestIdWebFilter.HEADER, HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE));
        config.setExposedHeaders(List.of(RequestIdWebFilter.HEADER, HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION));
        config.setAllowCredentials(false);
        config.setMaxAge(Duration.ofMinutes(30));
        this.configuration = config;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return problems.write(exchange, GatewayProblems.FORBIDDEN,
                    "Cross-origin requests are accepted only from the console's origin.");
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return RequestIdWebFilter.ORDER + 10;
    }
}
