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
 * The credit office's view of the encryption keys of the stored personal ID numbers and the
 * re-encryption command of a key rotation (docs/credit-service.md, "Rotating the encryption key").
 * Answers key ids and counts, never a number.
 */
@RestController
@Validated
@RequestMapping("/api/v1/subjects/persons/encryption-keys")
class PersonalDataEncryptionKeyController {

    private final PersonalDataRotation rotation;

    PersonalDataEncryptionKeyController(PersonalDataRotation rotation) {
        this.rotation = rotation;
    }

    /** How many persons to re-encrypt in one call. */
    record ReencryptRequest(@Min(1) @Max(5000) Integer limit) {
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    PersonalDataRotation.EncryptionStatus status() {
        return rotation.encryptionStatus();
    }

    /** Re-encrypts up to {@code limit} (default 1,000) persons with the current key; call again until none wait. */
    @PostMapping("/reencrypt")
    @PreAuthorize("hasRole('ADMIN')")
    PersonalDataRotation.Reencrypted reencrypt(@Valid @RequestBody(required = false) ReencryptRequest request) {
        return rotation.reencrypt(request == null || request.limit() == null ? 1000 : request.limit());
    }
}
