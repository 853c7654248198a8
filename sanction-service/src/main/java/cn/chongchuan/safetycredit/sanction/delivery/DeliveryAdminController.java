package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.sanction.notice.DeliverySummary;
import cn.chongchuan.safetycredit.sanction.notice.domain.DeliveryHistory;
import cn.chongchuan.safetycredit.sanction.support.PathParameters;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** ADMIN's delivery controls: replays, attempts of a notice, the per-department summary and the daily history. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class DeliveryAdminController {

    static final String UUID = PathParameters.NOTICE_ID;

    private final DeliveryAdministration administration;

    DeliveryAdminController(DeliveryAdministration administration) {
        this.administration = administration;
    }

    @PostMapping("/api/v1/notices/{id}/replay")
    ResponseEntity<Void> replay(@PathVariable @Pattern(regexp = UUID, message = "must be a notice id") String id) {
        administration.replayNotice(id);
        return ResponseEntity.accepted().build();
    }

    @PostMapping("/api/v1/departments/{code}/replay-dead")
    ResponseEntity<Replayed> replayDead(
            @PathVariable @Pattern(regexp = "[A-Z][A-Z0-9_-]{1,31}", message = "must be a department code") String code) {
        return ResponseEntity.accepted().body(new Replayed(code, administration.replayDeadNotices(code)));
    }

    @GetMapping("/api/v1/notices/delivery-summary")
    List<DeliverySummary> summary() {
        return administration.summariseDeliveries();
    }

    /** Notices created, delivered, acknowledged, answered and DEAD per day, for the dashboard's chart. */
    @GetMapping("/api/v1/notices/delivery-history")
    List<DeliveryHistory.Day> history(@RequestParam(defaultValue = "30") @Min(1) @Max(366) int days,
            @RequestParam(required = false) @Pattern(regexp = "[A-Z][A-Z0-9_-]{1,31}", message = "must be a department code")
            String department) {
        return administration.history(department, days);
    }

    @GetMapping("/api/v1/notices/{id}/attempts")
    List<DeliveryAttempt> attempts(@PathVariable @Pattern(regexp = UUID, message = "must be a notice id") String id) {
        return administration.attemptsOf(id);
    }

    /** How many dead notices of a department went back to the queue. */
    record Replayed(String department, int replayed) {
    }
}
