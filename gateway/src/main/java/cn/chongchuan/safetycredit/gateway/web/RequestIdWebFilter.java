package cn.chongchuan.safetycredit.gateway.web;

import cn.chongchuan.safetycredit.gateway.identity.IdentityForwardingFilter;
import cn.chongchuan.safetycredit.gateway.problem.GatewayProblems;
import cn.chongchuan.safetycredit.platform.web.IdNumberMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, the first thing the gateway does: the caller's {@code X-Request-Id}
 * when it is a plain token of 8–64 characters (the rule of the services' filter), else a new UUID.
 * The id replaces the header sent on to the services, is echoed in the response and in problem
 * bodies, and is logged with one access-log line per request.
 */
public class RequestIdWebFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    /** Exchange attribute holding the id of the request. */
    public static final String ATTRIBUTE = RequestIdWebFilter.class.getName() + ".requestId";
    /** The order of this filter: before everything else, so even the earliest rejection carries the id. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private static final Logger log = LoggerFactory.getLogger("gateway.access");
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = incoming != null && ACCEPTED.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        long started = System.nanoTime();
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, requestId)).build();
        ServerWebExchange tagged = exchange.mutate().request(request).build();
        tagged.getAttributes().put(ATTRIBUTE, requestId);
        tagged.getAttributes().put(GatewayProblems.INSTANCE_ATTR, request.getPath().value());
        tagged.getResponse().getHeaders().set(HEADER, requestId);
        // The response headers may be replaced by a proxied response: set the id again just before they go out.
        tagged.getResponse().beforeCommit(() -> {
            tagged.getResponse().getHeaders().set(HEADER, requestId);
            return Mono.empty();
        });
        return chain.filter(tagged).doFinally(signal -> accessLog(tagged, requestId, started));
    }

    private static void accessLog(ServerWebExchange exchange, String requestId, long started) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        Object department = exchange.getAttribute(IdentityForwardingFilter.DEPARTMENT_ATTR);
        // A caller may still put an ID number in the path (the check refuses it): log it masked.
        String path = IdNumberMask.mask(exchange.getRequest().getPath().value());
        log.atInfo()
                .addKeyValue("requestId", requestId)
                .addKeyValue("method", exchange.getRequest().getMethod().name())
                .addKeyValue("path", path)
                .addKeyValue("status", status == null ? 0 : status.value())
                .addKeyValue("department", department == null ? "-" : department)
                .addKeyValue("durationMs", (System.nanoTime() - started) / 1_000_000)
                .log("{} {} -> {} [{}]", exchange.getRequest().getMethod().name(), path,
                        status == null ? "-" : status.value(), requestId);
    }

    /** The id of this request, or null before this filter ran. */
    public static String current(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
