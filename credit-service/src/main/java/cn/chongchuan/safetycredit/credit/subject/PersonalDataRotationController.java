package cn.chongchuan.safetycredit.credit.subject;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The credit office's view of the HMAC keys of the personal lookup hash and the re-hash command of
 * a key rotation (docs/credit-service.md, "Rotating the HMAC key").
 */
@RestController
@Validated
@RequestMapping("/api/v1/subjects/persons/hash-keys")
class PersonalDataRotationController {

    private final PersonalDataRotation rotation;

    PersonalDataRotationController(PersonalDataRotation rotation) {
        this.rotation = rotation;
    }

    /** How many persons to move in one call (each in a transaction of its own). */
    record RehashRequest(@Min(1) @Max(5000) Integer limit) {
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    PersonalDataRotation.Status status() {
        return rotation.status();
    }

    /** Moves up to {@code limit} (default 1,000) persons to the current key; call again until none wait. */
    @PostMapping("/rehash")
    @PreAuthorize("hasRole('ADMIN')")
    PersonalDataRotation.Rehashed rehash(@Valid @RequestBody(required = false) RehashRequest request) {
        return rotation.rehash(request == null || request.limit() == null ? 1000 : request.limit());
    }
}
