package cn.chongchuan.safetycredit.sanction.department;

import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.TestDepartments;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The endpoint gauges exist from the start, at 0 for every reason, and count what endpoint_state holds. */
@ServiceTest
class EndpointMetricsTest {

    @LocalServerPort
    int port;
    @Autowired
    EndpointMetrics metrics;
    @Autowired
    DepartmentEndpoints endpoints;
    @Autowired
    MeterRegistry registry;
    @Autowired
    MutableClock clock;

    private TestDepartments departments;

    @AfterEach
    void disableTestDepartments() {
        departments.disableAll();
    }

    private double disabled(String reason) {
        return registry.get("sanction.endpoints.disabled").tag("reason", reason).gauge().value();
    }

    @Test
    void disabledEndpointsAreCountedByReasonAndFailingOnesApart() {
        departments = new TestDepartments(new Api(port));
        String gone = TestDepartments.newCode("M");
        String failing = TestDepartments.newCode("N");
        departments.register(gone, "/metrics/" + gone);
        departments.register(failing, "/metrics/" + failing);
        metrics.refresh();
        double goneBefore = disabled("GONE");
        double failingBefore = registry.get("sanction.endpoints.failing").gauge().value();
        assertThat(disabled("FAILING")).isGreaterThanOrEqualTo(0);
        assertThat(disabled("ADMIN")).isGreaterThanOrEqualTo(0);

        endpoints.disable(gone, EndpointDisabledReason.GONE, clock.instant(), 410, "test", "test");
        endpoints.recordFailedRound(failing, clock.instant(), Duration.ofDays(5), "test", "HTTP 503");
        metrics.refresh();

        assertThat(disabled("GONE")).isEqualTo(goneBefore + 1);
        assertThat(registry.get("sanction.endpoints.failing").gauge().value()).isEqualTo(failingBefore + 1);

        endpoints.enable(gone, clock.instant(), "test");
        endpoints.recordDelivery(failing, clock.instant());
        metrics.refresh();
        assertThat(disabled("GONE")).isEqualTo(goneBefore);
        assertThat(registry.get("sanction.endpoints.failing").gauge().value()).isEqualTo(failingBefore);
    }
}
