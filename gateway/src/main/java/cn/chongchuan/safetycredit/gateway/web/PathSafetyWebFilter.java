package cn.chongchuan.safetycredit.gateway.web;

import cn.chongchuan.safetycredit.gateway.problem.GatewayProblems;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses, with a problem response, request paths no client of this API needs and attackers use:
 * an encoded slash, backslash, NUL or percent sign, a path parameter ({@code ;}), {@code .} or
 * {@code ..} segments, empty segments, control characters, or a path over
 * {@code gateway.request.max-path-length}. Without this, such paths would reach the services and
 * be refused there by Tomcat or Spring Security's firewall as HTML or plain JSON instead of a
 * problem; and none of them can then be used to step out of the routed API.
 */
public class PathSafetyWebFilter implements WebFilter, Ordered {

    private static final Pattern SUSPICIOUS_RAW = Pattern.compile("%2f|%5c|%00|%25|\\\\|;|%3b");
    private static final Pattern DOT_SEGMENT = Pattern.compile("(^|/)\\.{1,2}(/|$)");

    private final int maxPathLength;
    private final GatewayProblems problems;

    public PathSafetyWebFilter(RequestLimitProperties properties, GatewayProblems problems) {
        this.maxPathLength = properties.maxPathLength();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String raw = exchange.getRequest().getURI().getRawPath();
        if (raw == null) {
            return chain.filter(exchange);
        }
        if (raw.length() > maxPathLength) {
            return problems.write(exchange, GatewayProblems.URI_TOO_LONG,
                    "The request path is longer than " + maxPathLength + " characters.");
        }
        String decoded = exchange.getRequest().getURI().getPath();
        if (SUSPICIOUS_RAW.matcher(raw.toLowerCase(Locale.ROOT)).find() || DOT_SEGMENT.matcher(decoded).find()
                || DOT_SEGMENT.matcher(raw).find() || raw.contains("//") || hasControlCharacter(decoded)) {
            return problems.write(exchange, GatewayProblems.BAD_PATH, "The request path contains an encoded slash, "
                    + "backslash, NUL or percent sign, a ';', a '.' or '..' segment, an empty segment or a control character.");
        }
        return chain.filter(exchange);
    }

    private static boolean hasControlCharacter(String path) {
        return path.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    @Override
    public int getOrder() {
        return RequestIdWebFilter.ORDER + 15;
    }
}
