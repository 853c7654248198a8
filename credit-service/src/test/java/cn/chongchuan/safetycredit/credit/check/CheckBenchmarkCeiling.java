package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.domain.CheckStatus;
import org.springframework.context.annotation.Profile;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The benchmark's ceiling (bench/check): the same route shape, security and JSON size as a single
 * check, answered with a constant — what the stack allows, against which the check's throughput is
 * measured. Not part of the service's jar: it is compiled with the tests and packaged alone as
 * {@code credit-service-bench.jar}, which bench/check/run.sh adds to the service's class path; the
 * 'bench' profile switches it on, so that the test contexts, which scan this package too, never
 * serve it.
 */
@RestController
@Profile("bench")
class CheckBenchmarkCeiling {

    private static final CheckAnswer CONSTANT = new CheckAnswer(List.of(0), "91320602MA1N2X3Y4Q", "UNIT", null,
            CheckStatus.CLEAR, "constant", null, null, null, null, null, null,
            new CheckAnswer.Receipt("00000000-0000-0000-0000-000000000000", Instant.EPOCH, "0000000000000000",
                    CheckAnswer.Receipt.SINGLE, "A".repeat(88), "safety-credit-check-receipt/3\\n" + "x".repeat(300),
                    null, null),
            null);

    @GetMapping("/api/v1/checks-ceiling/{code}")
    @PreAuthorize("hasAnyRole('APPROVAL', 'ADMIN')")
    CheckAnswer constant(@PathVariable String code) {
        return CONSTANT;
    }
}
