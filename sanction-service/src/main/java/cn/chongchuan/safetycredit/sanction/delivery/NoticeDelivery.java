package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.platform.tracing.TraceContexts;
import cn.chongchuan.safetycredit.sanction.delivery.domain.AttemptOutcome;
import cn.chongchuan.safetycredit.sanction.delivery.domain.DeliveryVerdict;
import cn.chongchuan.safetycredit.sanction.delivery.domain.NoticeSignature;
import cn.chongchuan.safetycredit.sanction.delivery.domain.RetryAfter;
import cn.chongchuan.safetycredit.sanction.delivery.internal.AttemptMapper;
import cn.chongchuan.safetycredit.sanction.department.Department;
import cn.chongchuan.safetycredit.sanction.department.DepartmentEndpoints;
import cn.chongchuan.safetycredit.sanction.department.DepartmentService;
import cn.chongchuan.safetycredit.sanction.department.NoticeSigner;
import cn.chongchuan.safetycredit.sanction.department.NoticeSigningException;
import cn.chongchuan.safetycredit.sanction.department.EndpointState;
import cn.chongchuan.safetycredit.sanction.department.WebhookHeaders;
import cn.chongchuan.safetycredit.sanction.endpoint.EndpointPolicy;
import cn.chongchuan.safetycredit.sanction.notice.ClaimedNotice;
import feign.FeignException;
import feign.Request;
import feign.Response;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends one claimed notice to its department: signs it, calls through the department's guards,
 * records every call. Each round is a span ({@value #SPAN}) of the trace the notice was made in;
 * the department receives that trace as the {@code traceparent} header.
 */
@Component
class NoticeDelivery {

    private static final Logger log = LoggerFactory.getLogger(NoticeDelivery.class);
    /** The span (and timer) of one delivery round. */
    static final String SPAN = "sanction.notice.delivery";

    /**
     * How a delivery round ended. GONE: the endpoint answered 410 (it is to be disabled);
     * ENDPOINT_DISABLED: the department's endpoint was disabled already, so no call was made.
     */
    enum Outcome { DELIVERED, REJECTED, GONE, FAILED, BUSY, NO_ENDPOINT, ENDPOINT_DISABLED }

    /**
     * The end of one round: outcome, the last HTTP status and reason, and how many calls were made.
     *
     * @param retryAfter    how long the department asked to wait ({@code Retry-After} on 429/503), or null
     * @param endpointFault whether a FAILED round counts against the endpoint (its answer, its network, its
     *                      breaker) rather than against this side (no secret, department disabled)
     * @param endpointState the endpoint's state as read before the round (null when not read)
     */
    record Result(Outcome outcome, Integer httpStatus, String reason, int calls, Duration retryAfter,
            boolean endpointFault, EndpointState endpointState) {

        Result(Outcome outcome, Integer httpStatus, String reason, int calls) {
            this(outcome, httpStatus, reason, calls, null, outcome == Outcome.FAILED && calls > 0, null);
        }

        Result withEndpointState(EndpointState state) {
            return new Result(outcome, httpStatus, reason, calls, retryAfter, endpointFault, state);
        }
    }

    private final DepartmentClient client;
    private final DepartmentService departments;
    private final NoticeSigner signer;
    private final DepartmentResilience resilience;
    private final AttemptMapper attempts;
    private final DeliveryProperties properties;
    private final EndpointPolicy endpoints;
    private final Clock clock;
    private final TraceContexts traces;
    private final DepartmentEndpoints endpointStates;

    NoticeDelivery(DepartmentClient client, DepartmentService departments, NoticeSigner signer,
            DepartmentResilience resilience, AttemptMapper attempts, DeliveryProperties properties,
            EndpointPolicy endpoints, Clock clock, TraceContexts traces, DepartmentEndpoints endpointStates) {
        this.traces = traces;
        this.endpointStates = endpointStates;
        this.client = client;
        this.departments = departments;
        this.signer = signer;
        this.resilience = resilience;
        this.attempts = attempts;
        this.properties = properties;
        this.endpoints = endpoints;
        this.clock = clock;
    }

    Result deliver(ClaimedNotice notice, String dispatcher) {
        return traces.continueTrace(SPAN, notice.traceparent(), () -> deliverRound(notice, dispatcher));
    }

    private Result deliverRound(ClaimedNotice notice, String dispatcher) {
        Optional<Department> found = departments.findIfPresent(notice.departmentCode());
        if (found.isEmpty() || !found.get().pushes()) {
            return new Result(Outcome.NO_ENDPOINT, null, "department has no endpoint; kept for its inbox", 0);
        }
        Department department = found.get();
        if (!department.enabled()) {
            return new Result(Outcome.FAILED, null, "department is disabled", 0);
        }
        EndpointState endpointState = endpointStates.state(department.code());
        if (!endpointState.enabled()) {
            return new Result(Outcome.ENDPOINT_DISABLED, null,
                    "endpoint disabled (" + endpointState.disabledReason() + "): waits until ADMIN enables it", 0);
        }
        return callEndpoint(notice, dispatcher, department).withEndpointState(endpointState);
    }

    private Result callEndpoint(ClaimedNotice notice, String dispatcher, Department department) {
        byte[] body = notice.body().getBytes(StandardCharsets.UTF_8);
        // The keys are opened before anything else, once per round: without a usable secret the round
        // fails at once, no call made. Each call then signs with them (its own timestamp).
        NoticeSigner.Keys keys;
        try {
            keys = signer.keysOf(notice.departmentCode());
        } catch (NoticeSigningException e) {
            return new Result(Outcome.FAILED, null, e.getMessage(), 0);
        }
        // Checked again at every round, not only at registration: the host may resolve elsewhere now,
        // or the row predates the policy. A refusal is final (REJECTED, flagged for ADMIN): retrying
        // would only repeat it, and no call is made. A host that does not resolve right now is a
        // failed round like a refused connection: tried again on the schedule.
        Optional<String> refused;
        try {
            refused = endpoints.refusalBeforeCall(department.endpointUrl());
        } catch (UnknownHostException e) {
            return roundWithoutCall(notice, dispatcher, Outcome.FAILED, AttemptOutcome.FAILED,
                    "endpoint host cannot be resolved now: " + e.getMessage());
        }
        if (refused.isPresent()) {
            log.warn("notice {} to {}: endpoint refused: {}", notice.id(), department.code(), refused.get());
            return roundWithoutCall(notice, dispatcher, Outcome.REJECTED, AttemptOutcome.REJECTED,
                    "endpoint refused: endpointUrl " + refused.get());
        }
        URI endpoint = URI.create(department.endpointUrl());
        Request.Options options = new Request.Options(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                properties.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false);
        AtomicInteger calls = new AtomicInteger();
        try {
            return resilience.callDepartment(department.code(), () -> {
                int attemptNo = notice.attempts() + calls.incrementAndGet();
                Map<String, String> headers = headers(keys, notice, clock.instant().getEpochSecond(), body);
                return callOnce(notice, dispatcher, attemptNo, endpoint, options, headers, body, calls);
            });
        } catch (TransientDeliveryFailure e) {
            return new Result(Outcome.FAILED, e.httpStatus(), e.getMessage(), calls.get(), e.retryAfter(), true, null);
        } catch (CallNotPermittedException e) {
            // The breaker opened on the endpoint's own failures: this round counts against it too.
            return new Result(Outcome.FAILED, null, "circuit breaker open for the department", calls.get(), null, true,
                    null);
        } catch (BulkheadFullException e) {
            return new Result(Outcome.BUSY, null, "department already has its maximum of calls running", calls.get());
        }
    }

    /** A round that ended before any call: recorded as an attempt of its own, with the reason. */
    private Result roundWithoutCall(ClaimedNotice notice, String dispatcher, Outcome outcome,
            AttemptOutcome attemptOutcome, String why) {
        String reason = truncate(why);
        Instant now = clock.instant();
        attempts.insertAttempt(new DeliveryAttempt(notice.id(), notice.attempts() + 1, dispatcher, now, now,
                null, attemptOutcome, reason));
        return new Result(outcome, null, reason, 1);
    }

    /**
     * The signature headers of one call: Standard Webhooks ({@link NoticeSigner}) and, while
     * {@code legacy-signature-headers} is on, the legacy {@code X-Notice-*} ones exactly as before
     * (their key: the UTF-8 bytes of the whole {@code whsec_} string).
     */
    private Map<String, String> headers(NoticeSigner.Keys keys, ClaimedNotice notice, long timestamp, byte[] body) {
        WebhookHeaders standard = keys.sign(notice.id(), timestamp, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(WebhookHeaders.ID, standard.id());
        headers.put(WebhookHeaders.TIMESTAMP, standard.timestamp());
        headers.put(WebhookHeaders.SIGNATURE, standard.signature());
        if (properties.legacySignatureHeaders()) {
            headers.put(DepartmentClient.NOTICE_ID, notice.id());
            headers.put(DepartmentClient.NOTICE_TIMESTAMP, standard.timestamp());
            headers.put(DepartmentClient.NOTICE_SIGNATURE,
                    NoticeSignature.header(keys.legacySecrets(), notice.id(), timestamp, body));
        }
        return headers;
    }

    private Result callOnce(ClaimedNotice notice, String dispatcher, int attemptNo, URI endpoint,
            Request.Options options, Map<String, String> headers, byte[] body, AtomicInteger calls) {
        Instant started = clock.instant();
        Integer status = null;
        String reason;
        DeliveryVerdict verdict;
        Duration retryAfter = null;
        try (Response response = client.deliverNotice(endpoint, options, headers, body)) {
            status = response.status();
            verdict = DeliveryVerdict.of(status);
            // The standard reason phrase, never the one the server sent: whatever answers is not
            // necessarily a partner, and its words must not reach lastReason.
            HttpStatus known = HttpStatus.resolve(status);
            reason = verdict == DeliveryVerdict.DELIVERED ? null
                    : "HTTP " + status + (known == null ? "" : " " + known.getReasonPhrase());
            if (verdict == DeliveryVerdict.RETRY && RetryAfter.appliesTo(status)) {
                retryAfter = RetryAfter.parse(firstHeader(response, HttpHeaders.RETRY_AFTER), started).orElse(null);
            }
        } catch (FeignException | java.io.UncheckedIOException e) {
            verdict = DeliveryVerdict.RETRY;
            reason = describe(e);
        } catch (RuntimeException e) {
            verdict = DeliveryVerdict.RETRY;
            reason = describe(e);
            log.warn("notice {} to {}: unexpected failure", notice.id(), notice.departmentCode(), e);
        }
        attempts.insertAttempt(new DeliveryAttempt(notice.id(), attemptNo, dispatcher, started, clock.instant(),
                status, AttemptOutcome.of(verdict), truncate(reason)));
        return switch (verdict) {
            case DELIVERED -> new Result(Outcome.DELIVERED, status, null, calls.get());
            case REJECTED -> new Result(Outcome.REJECTED, status, truncate(reason), calls.get());
            case GONE -> new Result(Outcome.GONE, status, truncate(reason), calls.get());
            case RETRY -> throw new TransientDeliveryFailure(status, truncate(reason), retryAfter);
        };
    }

    private static String firstHeader(Response response, String name) {
        // Feign's response headers are keyed case-insensitively.
        Collection<String> values = response.headers().get(name);
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }

    /**
     * A short, secret-free description of a failed call: what went wrong on the wire. Only the
     * JDK's own network messages are kept; any other failure is named by its type alone, since its
     * message may quote what the other side sent (e.g. a non-HTTP service's greeting).
     */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof SocketTimeoutException || root instanceof HttpTimeoutException) {
            return "timeout: " + root.getMessage();
        }
        if (root instanceof ConnectException) {
            return "connection refused: " + root.getMessage();
        }
        if (root instanceof SocketException) {
            return "connection failed: " + root.getMessage();
        }
        return root.getClass().getSimpleName();
    }

    private static String truncate(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
    }
}
