package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.platform.problem.Problems;
import cn.chongchuan.safetycredit.platform.web.IdNumberMask;
import cn.chongchuan.safetycredit.platform.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;


/** 503 with Retry-After when a check cannot be answered (the shared problem handler sets no headers). */
@RestControllerAdvice(assignableTypes = CheckController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CheckProblems {

    @ExceptionHandler(CheckUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(CheckUnavailableException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "check-unavailable",
                "Check temporarily unavailable", e.getMessage());
        problem.setInstance(IdNumberMask.maskedUri(request.getRequestURI()));
        String requestId = RequestIdFilter.current(request);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        problem.setProperty("retryAfterSeconds", e.retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
