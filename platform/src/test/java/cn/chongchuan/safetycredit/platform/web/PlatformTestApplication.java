package cn.chongchuan.safetycredit.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service that uses the platform as credit- and sanction-service do. */
@SpringBootApplication
@Import(ServicePlatformConfiguration.class)
class PlatformTestApplication {

    record Sample(@NotBlank String name, @Positive int count) {
    }

    @RestController
    static class SampleController {

        @PreAuthorize("hasRole('ADMIN')")
        @GetMapping("/api/v1/admin-only")
        String adminOnly() {
            return "ok";
        }

        @PreAuthorize("hasRole('ENFORCEMENT')")
        @PostMapping("/api/v1/samples")
        Sample create(@Valid @RequestBody Sample sample) {
            return sample;
        }

        @GetMapping("/api/v1/public/ping")
        String ping() {
            return "pong";
        }

        @GetMapping("/api/v1/boom")
        String boom() {
            throw new IllegalStateException("secret internal detail");
        }
    }
}
