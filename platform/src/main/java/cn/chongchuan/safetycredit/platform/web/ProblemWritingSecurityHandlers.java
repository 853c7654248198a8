package cn.chongchuan.safetycredit.platform.web;

import cn.chongchuan.safetycredit.platform.problem.ApiProblemHandler;
import cn.chongchuan.safetycredit.platform.problem.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Answers 401 and 403 from the security filters, and requests the firewall rejects (an encoded
 * slash or percent sign, a ';' …), as problem responses, like every other error.
 */
public class ProblemWritingSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler,
        RequestRejectedHandler {

    private final JsonMapper json;

    public ProblemWritingSecurityHandlers(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated",
                "A valid identity token from the gateway is required."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your department's roles do not allow this request."));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        write(request, response, Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "The request path contains characters or sequences that are not allowed."));
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        try {
            problem.setInstance(IdNumberMask.maskedUri(request.getRequestURI()));
        } catch (IllegalArgumentException notAUri) {
            // a rejected request's path may not even parse; the problem then names none
        }
        String requestId = RequestIdFilter.current(request);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), ApiProblemHandler.body(problem));
    }
}
