package cn.chongchuan.safetycredit.gateway.problem;

import cn.chongchuan.safetycredit.platform.web.IdNumberMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;

/**
 * Answers every failure that reaches the gateway's error handling (no route: 404; wrong method:
 * 405; no instance of a service: 503; anything unexpected: 500) as a problem response, never with
 * an exception name or stack trace.
 */
public class ProblemErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorHandler.class);

    private final GatewayProblems problems;
    private final Duration retryAfter;

    public ProblemErrorHandler(GatewayProblems problems, Duration retryAfter) {
        this.problems = problems;
        this.retryAfter = retryAfter;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        if (failure instanceof NotFoundException) {
            // The load balancer found no instance of the service.
            return problems.write(exchange, GatewayProblems.SERVICE_UNAVAILABLE,
                    "The service behind this path is unavailable; retry later.", retryAfter);
        }
        if (failure instanceof ResponseStatusException status) {
            HttpStatusCode code = status.getStatusCode();
            if (code.value() == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
                return problems.write(exchange, GatewayProblems.PAYLOAD_TOO_LARGE,
                        status.getReason() != null ? status.getReason() : "The request body is too large.");
            }
            if (code.is5xxServerError()) {
                log.warn("gateway answered {}: {}", code.value(), IdNumberMask.mask(status.getMessage()));
                return problems.write(exchange, GatewayProblems.http(code), "The gateway could not complete the request.");
            }
            status.getHeaders().forEach((name, values) -> exchange.getResponse().getHeaders().addAll(name, values));
            return problems.write(exchange, GatewayProblems.http(code), detail(code));
        }
        // The stack trace as masked text, not the throwable: its messages may quote the request's URI.
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        log.atError().addKeyValue("path", IdNumberMask.mask(exchange.getRequest().getPath().value()))
                .addKeyValue("failure", IdNumberMask.mask(trace.toString()))
                .log("unexpected failure in the gateway: {}", IdNumberMask.mask(failure.toString()));
        return problems.write(exchange, GatewayProblems.INTERNAL_ERROR,
                "The request could not be completed. Quote the request id when reporting this.");
    }

    private static String detail(HttpStatusCode code) {
        return switch (code.value()) {
            case 404 -> "No API resource at this path.";
            case 405 -> "This method is not allowed on this path.";
            default -> "The request was refused.";
        };
    }
}
