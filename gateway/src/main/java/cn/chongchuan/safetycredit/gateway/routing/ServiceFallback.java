package cn.chongchuan.safetycredit.gateway.routing;

import cn.chongchuan.safetycredit.gateway.problem.GatewayProblems;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import cn.chongchuan.safetycredit.platform.web.IdNumberMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * Where a route's circuit breaker forwards when its service fails, times out or the breaker is
 * open: a 503 problem with {@code Retry-After}. Reached only by that forward; a client asking for
 * the fallback path directly gets 404.
 */
public class ServiceFallback {

    /** The path prefix of the fallback forwards ({@code forward:/gateway-fallback/<service>}). */
    public static final String PATH = "/gateway-fallback/{service}";

    private static final Logger log = LoggerFactory.getLogger(ServiceFallback.class);

    private final GatewayProblems problems;
    private final Duration retryAfter;

    public ServiceFallback(GatewayProblems problems, Duration retryAfter) {
        this.problems = problems;
        this.retryAfter = retryAfter;
    }

    public Mono<ServerResponse> handle(ServerRequest request) {
        ServerWebExchange exchange = request.exchange();
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause == null) {
            return problems.write(exchange, GatewayProblems.http(HttpStatus.NOT_FOUND),
                    "No API resource at this path.").then(Mono.empty());
        }
        String service = request.pathVariable("service");
        String detail;
        if (isTimeout(cause)) {
            detail = service + " did not answer in time; retry later.";
        } else if (cause instanceof CallNotPermittedException) {
            detail = service + " is failing and the gateway is giving it time to recover; retry later.";
        } else {
            detail = service + " cannot be reached; retry later.";
        }
        log.atWarn().addKeyValue("upstream", service).addKeyValue("failure", IdNumberMask.mask(cause.toString()))
                .log("{} unavailable, answered 503", service);
        return problems.write(exchange, GatewayProblems.SERVICE_UNAVAILABLE, detail, retryAfter).then(Mono.empty());
    }

    /** The HTTP client's response timeout surfaces as a 504 status exception wrapping a TimeoutException. */
    private static boolean isTimeout(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException
                    || t instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
                return true;
            }
        }
        return false;
    }
}
