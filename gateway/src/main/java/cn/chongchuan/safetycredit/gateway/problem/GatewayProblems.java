package cn.chongchuan.safetycredit.gateway.problem;

import cn.chongchuan.safetycredit.gateway.web.RequestIdWebFilter;
import cn.chongchuan.safetycredit.platform.problem.Problems;
import cn.chongchuan.safetycredit.platform.web.IdNumberMask;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the RFC 9457 problem responses the gateway itself produces, in the same shape as the
 * services' ({@code type}, {@code title}, {@code status}, {@code detail}, {@code instance},
 * {@code requestId}), so a client handles one error format whoever answered.
 */
public class GatewayProblems {

    /** Exchange attribute holding the path the client asked for (a fallback forward changes the request's). */
    public static final String INSTANCE_ATTR = GatewayProblems.class.getName() + ".instance";

    private final JsonMapper json;

    public GatewayProblems(JsonMapper json) {
        this.json = json;
    }

    /** One problem kind: its status, the last segment of its {@code type} and its title. */
    public record Kind(HttpStatusCode status, String type, String title) {
    }

    public static final Kind UNAUTHENTICATED = new Kind(HttpStatusCode.valueOf(401), "unauthenticated", "Unauthenticated");
    public static final Kind TOO_MANY_REQUESTS = new Kind(HttpStatusCode.valueOf(429), "too-many-requests", "Too many requests");
    public static final Kind PAYLOAD_TOO_LARGE = new Kind(HttpStatusCode.valueOf(413), "payload-too-large", "Payload too large");
    public static final Kind SERVICE_UNAVAILABLE = new Kind(HttpStatusCode.valueOf(503), "service-unavailable", "Service unavailable");
    public static final Kind FORBIDDEN = new Kind(HttpStatusCode.valueOf(403), "forbidden", "Forbidden");
    /** A path the gateway refuses to route (encoded slash, traversal …); the services' type for bad input. */
    public static final Kind BAD_PATH = new Kind(HttpStatusCode.valueOf(400), "validation", "Invalid request");
    public static final Kind URI_TOO_LONG = new Kind(HttpStatusCode.valueOf(414), "uri-too-long", "URI too long");
    public static final Kind INTERNAL_ERROR = new Kind(HttpStatusCode.valueOf(500), "internal-error", "Internal error");

    /** The kind for a plain HTTP status the gateway answers (404, 405 …), as the services name it. */
    public static Kind http(HttpStatusCode status) {
        String reason = status instanceof HttpStatus known ? known.getReasonPhrase()
                : "HTTP " + status.value();
        return new Kind(status, "http-" + status.value(), reason);
    }

    /** Writes this problem as the response, unless a response has already started. */
    public Mono<Void> write(ServerWebExchange exchange, Kind kind, String detail) {
        return write(exchange, kind, detail, null);
    }

    /** Writes this problem with a {@code Retry-After} header (whole seconds, at least 1). */
    public Mono<Void> write(ServerWebExchange exchange, Kind kind, String detail, Duration retryAfter) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(kind.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.remove(HttpHeaders.CONTENT_LENGTH);
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, ceilSeconds(retryAfter))));
        }
        byte[] bytes = json.writeValueAsBytes(body(exchange, kind, detail));
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    private static long ceilSeconds(Duration duration) {
        long seconds = duration.toSeconds();
        return duration.toNanosPart() > 0 || duration.toMillisPart() > 0 ? seconds + 1 : seconds;
    }

    static Map<String, Object> body(ServerWebExchange exchange, Kind kind, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", Problems.TYPE_PREFIX + kind.type());
        body.put("title", kind.title());
        body.put("status", kind.status().value());
        body.put("detail", detail);
        String instance = exchange.getAttribute(INSTANCE_ATTR);
        body.put("instance", IdNumberMask.mask(instance != null ? instance : exchange.getRequest().getPath().value()));
        String requestId = RequestIdWebFilter.current(exchange);
        if (requestId != null) {
            body.put("requestId", requestId);
        }
        return body;
    }
}
