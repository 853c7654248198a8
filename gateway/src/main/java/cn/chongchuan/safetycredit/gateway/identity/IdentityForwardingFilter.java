package cn.chongchuan.safetycredit.gateway.identity;

import cn.chongchuan.safetycredit.gateway.problem.GatewayProblems;
import cn.chongchuan.safetycredit.gateway.ratelimit.KeyGuessGuard;
import cn.chongchuan.safetycredit.platform.web.IdNumberMask;
import cn.chongchuan.safetycredit.platform.token.InternalTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a department's API key into the identity the services trust. On every route it removes
 * whatever identity the client sent (its {@code Authorization}, {@code X-Api-Key} and the
 * spoofable headers); on a non-public route it then requires a configured key
 * ({@code Authorization: ApiKey <key>} or {@code X-Api-Key}) and forwards
 * {@code Authorization: Bearer <token>} signed with the internal key, carrying the key's department
 * and roles. On a public route it forwards the anonymous token instead ({@link InternalTokens#issuePublic()}).
 * A route is public only when its metadata says {@code public: true}.
 */
public class IdentityForwardingFilter implements GlobalFilter, Ordered {

    /** Exchange attribute holding the authenticated department code (for rate limits and logs). */
    public static final String DEPARTMENT_ATTR = IdentityForwardingFilter.class.getName() + ".department";
    /** Route metadata key that opens a route to callers without a key. */
    public static final String PUBLIC_METADATA = "public";
    public static final String API_KEY_HEADER = "X-Api-Key";
    /** Runs right after the problem-response decorator, before the request body is buffered or rate limits apply. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final Logger log = LoggerFactory.getLogger(IdentityForwardingFilter.class);
    private static final String API_KEY_SCHEME = "apikey ";

    private final ApiKeys apiKeys;
    private final InternalTokens tokens;
    private final List<String> spoofableHeaders;
    private final GatewayProblems problems;
    private final KeyGuessGuard guesses;
    private final Counter missingKeys;
    private final Counter unknownKeys;
    private final Counter guessingStopped;

    public IdentityForwardingFilter(ApiKeys apiKeys, InternalTokens tokens, IdentityProperties properties,
            GatewayProblems problems, KeyGuessGuard guesses, MeterRegistry meters) {
        this.apiKeys = apiKeys;
        this.tokens = tokens;
        this.spoofableHeaders = List.copyOf(properties.spoofableHeaders());
        this.problems = problems;
        this.guesses = guesses;
        this.missingKeys = refusals(meters, "missing-key");
        this.unknownKeys = refusals(meters, "unknown-key");
        this.guessingStopped = refusals(meters, "too-many-unknown-keys");
    }

    /** {@code gateway.api.key.refusals{reason}}: the operators watch the unknown keys and the guessing stopped. */
    private static Counter refusals(MeterRegistry meters, String reason) {
        return Counter.builder("gateway.api.key.refusals").tag("reason", reason)
                .description("requests on keyed routes refused for their API key").register(meters);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders incoming = exchange.getRequest().getHeaders();
        String presentedKey = presentedKey(incoming);
        if (isPublic(exchange)) {
            // The services answer nothing without a token the gateway signed, public paths included:
            // a public route carries the anonymous token, which opens only public paths.
            ServerHttpRequest anonymous = withoutClientIdentity(exchange.getRequest()).mutate()
                    .headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.issuePublic()))
                    .build();
            return chain.filter(exchange.mutate().request(anonymous).build());
        }
        Optional<Caller> caller = apiKeys.authenticate(presentedKey);
        if (caller.isPresent()) {
            // A valid key is never slowed by the guess guard: many departments may share one NAT
            // address with whoever is guessing.
            return forward(exchange, chain, caller.get());
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "ApiKey");
        if (presentedKey == null) {
            missingKeys.increment();
            log.atInfo().addKeyValue("path", IdNumberMask.mask(exchange.getRequest().getPath().value()))
                    .log("request without API key refused");
            return problems.write(exchange, GatewayProblems.UNAUTHENTICATED,
                    "An API key is required: send 'Authorization: ApiKey <key>' or 'X-Api-Key: <key>'.");
        }
        // One branch or the other, never both: writing the 429 completes empty, so a switchIfEmpty
        // after it would also count the refused key as a guess and write a 401 over the 429.
        return guesses.blocked(exchange)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(wait -> wait.isPresent() ? refuseGuessing(exchange, wait.get()) : refuseUnknownKey(exchange));
    }

    private Mono<Void> refuseGuessing(ServerWebExchange exchange, Duration wait) {
        guessingStopped.increment();
        log.atWarn().addKeyValue("path", IdNumberMask.mask(exchange.getRequest().getPath().value()))
                .log("unknown API key refused: too many unknown API keys from this client");
        return problems.write(exchange, GatewayProblems.TOO_MANY_REQUESTS,
                "Too many unknown API keys were sent from this address; wait before trying again.", wait);
    }

    private Mono<Void> refuseUnknownKey(ServerWebExchange exchange) {
        unknownKeys.increment();
        log.atInfo().addKeyValue("path", IdNumberMask.mask(exchange.getRequest().getPath().value()))
                .log("request with unknown API key refused");
        return guesses.recordGuess(exchange)
                .then(problems.write(exchange, GatewayProblems.UNAUTHENTICATED, "The API key is not valid."));
    }

    private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, Caller who) {
        exchange.getAttributes().put(DEPARTMENT_ATTR, who.department());
        String bearer = "Bearer " + tokens.issue(who.department(), who.roles());
        ServerHttpRequest forwarded = withoutClientIdentity(exchange.getRequest()).mutate()
                .headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, bearer))
                .build();
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    private ServerHttpRequest withoutClientIdentity(ServerHttpRequest request) {
        return request.mutate().headers(headers -> {
            headers.remove(HttpHeaders.AUTHORIZATION);
            headers.remove(API_KEY_HEADER);
            spoofableHeaders.forEach(headers::remove);
        }).build();
    }

    private static boolean isPublic(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null && Boolean.parseBoolean(String.valueOf(route.getMetadata().get(PUBLIC_METADATA)));
    }

    /** The key from {@code Authorization: ApiKey <key>}, else from {@code X-Api-Key}; null when neither is sent. */
    static String presentedKey(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.length() > API_KEY_SCHEME.length()
                && authorization.substring(0, API_KEY_SCHEME.length()).toLowerCase(Locale.ROOT).equals(API_KEY_SCHEME)) {
            return authorization.substring(API_KEY_SCHEME.length()).trim();
        }
        String header = headers.getFirst(API_KEY_HEADER);
        return header == null || header.isBlank() ? null : header.trim();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
