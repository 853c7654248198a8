package cn.chongchuan.safetycredit.gateway.web;

import cn.chongchuan.safetycredit.gateway.problem.GatewayProblems;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses request bodies over {@code gateway.request.max-body-size} with a 413 problem: at once
 * when {@code Content-Length} says so, and while reading when a chunked body grows past the limit
 * (the gateway buffers bodies for the circuit-breaker fallback, so the limit also bounds memory).
 */
public class RequestSizeWebFilter implements WebFilter, Ordered {

    private final long maxBytes;
    private final GatewayProblems problems;

    public RequestSizeWebFilter(RequestLimitProperties properties, GatewayProblems problems) {
        this.maxBytes = properties.maxBodySize().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > maxBytes) {
            return problems.write(exchange, GatewayProblems.PAYLOAD_TOO_LARGE, tooLarge());
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest limited = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong read = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (read.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge()));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    private String tooLarge() {
        return "The request body exceeds the limit of " + maxBytes + " bytes.";
    }

    @Override
    public int getOrder() {
        return RequestIdWebFilter.ORDER + 20;
    }
}
