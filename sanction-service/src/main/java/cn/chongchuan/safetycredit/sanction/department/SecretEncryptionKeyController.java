package cn.chongchuan.safetycredit.sanction.department;

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
 * ADMIN's view of the keys that encrypt the signing secrets at rest and the re-encryption command of
 * a key rotation (docs/sanction-service.md, "Rotating the encryption key of the secrets"). Answers key
 * ids and counts, never a secret.
 */
@RestController
@Validated
@RequestMapping("/api/v1/departments/secret-encryption-keys")
@PreAuthorize("hasRole('ADMIN')")
class SecretEncryptionKeyController {

    private final SecretEncryptionRotation rotation;

    SecretEncryptionKeyController(SecretEncryptionRotation rotation) {
        this.rotation = rotation;
    }

    /** How many secrets to re-encrypt in one call. */
    record ReencryptRequest(@Min(1) @Max(5000) Integer limit) {
    }

    @GetMapping
    SecretEncryptionRotation.Status status() {
        return rotation.status();
    }

    /** Re-encrypts up to {@code limit} (default 1,000) stored secrets with the current key; call again until none wait. */
    @PostMapping("/reencrypt")
    SecretEncryptionRotation.Reencrypted reencrypt(@Valid @RequestBody(required = false) ReencryptRequest request) {
        return rotation.reencrypt(request == null || request.limit() == null ? 1000 : request.limit());
    }
}
