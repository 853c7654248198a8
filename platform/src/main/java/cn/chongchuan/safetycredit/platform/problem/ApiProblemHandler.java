package cn.chongchuan.safetycredit.platform.problem;

import cn.chongchuan.safetycredit.platform.rule.RuleViolation;
import cn.chongchuan.safetycredit.platform.web.IdNumberMask;
import cn.chongchuan.safetycredit.platform.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one place where a service turns failures into RFC 9457 problem responses: a stable
 * {@code type} per kind, a human title, the request path as {@code instance}, the request id, and
 * for bad input the fields at fault. Never a class name or a stack trace.
 */
@RestControllerAdvice
public class ApiProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

    private final List<ProblemTranslator> translators;

    public ApiProblemHandler(ObjectProvider<ProblemTranslator> translators) {
        this.translators = translators.orderedStream().toList();
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> handleApi(ApiException e, WebRequest request) {
        ProblemDetail problem = Problems.of(e.status(), e.kind(), e.title(), e.getMessage());
        e.extensions().forEach(problem::setProperty);
        return finish(problem, request, e.status());
    }

    /** A domain rule refused the request: its kind gives the status, its facts the extension members. */
    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<Object> handleRule(RuleViolation e, WebRequest request) {
        HttpStatus status = switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = Problems.of(status, e.type(), e.title(), e.getMessage());
        e.facts().forEach(problem::setProperty);
        return finish(problem, request, status);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException e, WebRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validation(errors, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException e, WebRequest request) {
        return validation(List.of(new FieldError(e.getName(), "has the wrong type or format")), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException e, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your department's roles do not allow this request.");
        return finish(problem, request, HttpStatus.FORBIDDEN);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception e, WebRequest request) {
        for (ProblemTranslator translator : translators) {
            var translated = translator.translate(e);
            if (translated.isPresent()) {
                return handleApi(translated.get(), request);
            }
        }
        log.error("unexpected failure", e);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request could not be completed. Quote the request id when reporting this.");
        return finish(problem, request, HttpStatus.INTERNAL_SERVER_ERROR);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return validation(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
                        result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return validation(errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return validation(List.of(new FieldError(e.getParameterName(), "is required")), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof StreamReadException) {
            return validation(List.of(new FieldError("body", "is not well-formed JSON")), request);
        }
        if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            String field = jackson.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return validation(List.of(new FieldError(field, "has the wrong type or format")), request);
        }
        return validation(List.of(new FieldError("body", "is missing or unreadable")), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        // Spring's own MVC exceptions (405, 415, 406, missing header …): keep its status and detail,
        // add our type, instance and request id.
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail
                : Problems.of(status, "http-" + status.value(), null, e.getMessage());
        if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
            problem.setType(URI.create(Problems.TYPE_PREFIX + "http-" + status.value()));
        }
        if (e instanceof MissingRequestHeaderException missing) {
            problem.setProperty("errors", List.of(new FieldError(missing.getHeaderName(), "is required")));
        }
        return finish(problem, request, status, headers);
    }

    private ResponseEntity<Object> validation(List<FieldError> errors, WebRequest request) {
        String detail = errors.stream().map(f -> f.field() + " " + f.reason()).collect(Collectors.joining("; "));
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return finish(problem, request, HttpStatus.BAD_REQUEST);
    }

    private ResponseEntity<Object> finish(ProblemDetail problem, WebRequest request, HttpStatusCode status) {
        return finish(problem, request, status, HttpHeaders.EMPTY);
    }

    private ResponseEntity<Object> finish(ProblemDetail problem, WebRequest request, HttpStatusCode status,
            HttpHeaders headers) {
        HttpServletRequest servlet = ((ServletWebRequest) request).getRequest();
        // The path as asked, with any ID-shaped number masked: a problem is logged by proxies and clients.
        problem.setInstance(IdNumberMask.maskedUri(servlet.getRequestURI()));
        String requestId = RequestIdFilter.current(servlet);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        HttpHeaders responseHeaders = new HttpHeaders();
        responseHeaders.putAll(headers);
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, responseHeaders, status);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** Builds the body of a problem for callers outside MVC (security filters). */
    public static Map<String, Object> body(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
