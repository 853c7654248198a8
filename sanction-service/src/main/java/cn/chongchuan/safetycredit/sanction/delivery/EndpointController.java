package cn.chongchuan.safetycredit.sanction.delivery;

import cn.chongchuan.safetycredit.platform.web.Caller;
import cn.chongchuan.safetycredit.sanction.department.EndpointEvent;
import cn.chongchuan.safetycredit.sanction.support.PathParameters;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * A department's endpoint state: the department reads its own, ADMIN any, with the events that
 * disabled or enabled it; ADMIN enables it again (its waiting notices are sent at once) or disables it.
 */
@RestController
@RequestMapping("/api/v1/departments/{code}/endpoint")
class EndpointController {

    static final String CODE = PathParameters.DEPARTMENT_CODE;

    private final DeliveryAdministration administration;

    EndpointController(DeliveryAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('PARTNER', 'ADMIN')")
    EndpointView get(@AuthenticationPrincipal Jwt jwt,
            @PathVariable @Pattern(regexp = CODE, message = "must be a department code") String code) {
        Caller.of(jwt).requireOwns(code, "Department " + code);
        return administration.endpointOf(code);
    }

    @GetMapping("/events")
    @PreAuthorize("hasRole('ADMIN')")
    List<EndpointEvent> events(@PathVariable @Pattern(regexp = CODE, message = "must be a department code") String code,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        return administration.endpointEvents(code, limit);
    }

    @PostMapping("/enable")
    @PreAuthorize("hasRole('ADMIN')")
    EndpointView enable(@AuthenticationPrincipal Jwt jwt,
            @PathVariable @Pattern(regexp = CODE, message = "must be a department code") String code) {
        return administration.enableEndpoint(code, Caller.of(jwt).department());
    }

    @PostMapping("/disable")
    @PreAuthorize("hasRole('ADMIN')")
    EndpointView disable(@AuthenticationPrincipal Jwt jwt,
            @PathVariable @Pattern(regexp = CODE, message = "must be a department code") String code) {
        return administration.disableEndpoint(code, Caller.of(jwt).department());
    }
}
