package cn.chongchuan.safetycredit.gateway.problem;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gateway filters that refuse a request (the Redis rate limiter above all) end the response with
 * a bare status and no body. This filter gives such responses a problem body instead; a 429 also
 * gets {@code Retry-After}, the time the limiter needs to refill the tokens one request costs.
 */
public class EmptyErrorResponsesAsProblemsFilter implements GlobalFilter, Ordered {

    static final String REPLENISH_RATE_HEADER = "X-RateLimit-Replenish-Rate";
    static final String REQUESTED_TOKENS_HEADER = "X-RateLimit-Requested-Tokens";

    private final GatewayProblems problems;
    private final MeterRegistry meters;
    private final Map<String, Counter> rateLimitRefusals = new ConcurrentHashMap<>();

    /**
     * {@code rateLimitedRoutes}: the routes with a rate limit, whose refusal counters exist from the
     * start (at 0), so that a dashboard or an alert finds them before the first refusal.
     */
    public EmptyErrorResponsesAsProblemsFilter(GatewayProblems problems, MeterRegistry meters,
            Collection<String> rateLimitedRoutes) {
        this.problems = problems;
        this.meters = meters;
        rateLimitedRoutes.forEach(this::rateLimitRefusals);
    }

    private Counter rateLimitRefusals(String route) {
        return rateLimitRefusals.computeIfAbsent(route, id -> Counter.builder("gateway.rate.limit.refusals")
                .tag("route", id).description("requests the rate limits refused, per route").register(meters));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ProblemOnEmptyError response = new ProblemOnEmptyError(exchange.getResponse());
        response.exchange = exchange.mutate().response(response).build();
        return chain.filter(response.exchange);
    }

    /** Completing an error response without a body writes a problem instead. */
    private final class ProblemOnEmptyError extends ServerHttpResponseDecorator {

        private ServerWebExchange exchange;

        ProblemOnEmptyError(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> setComplete() {
            HttpStatusCode status = getStatusCode();
            if (status == null || !status.isError() || isCommitted()) {
                return super.setComplete();
            }
            return asProblem(exchange, status);
        }
    }

    private Mono<Void> asProblem(ServerWebExchange exchange, HttpStatusCode status) {
        if (status.value() == 429) {
            // Only the rate limiter ends a 429 without a body (the key-guess guard writes its own problem).
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            rateLimitRefusals(route == null ? "none" : route.getId()).increment();
            return problems.write(exchange, GatewayProblems.TOO_MANY_REQUESTS,
                    "Your request rate is over the limit; retry after the time in Retry-After.", retryAfter(exchange));
        }
        if (status.value() == 413) {
            return problems.write(exchange, GatewayProblems.PAYLOAD_TOO_LARGE, "The request body is too large.");
        }
        return problems.write(exchange, GatewayProblems.http(status), "The gateway refused the request.");
    }

    private static Duration retryAfter(ServerWebExchange exchange) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        try {
            double rate = Double.parseDouble(headers.getFirst(REPLENISH_RATE_HEADER));
            double requested = Double.parseDouble(headers.getFirst(REQUESTED_TOKENS_HEADER));
            if (rate > 0) {
                return Duration.ofMillis((long) Math.ceil(requested / rate * 1000));
            }
        } catch (NullPointerException | NumberFormatException e) {
            // headers switched off (include-headers: false): fall through
        }
        return Duration.ofSeconds(1);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
