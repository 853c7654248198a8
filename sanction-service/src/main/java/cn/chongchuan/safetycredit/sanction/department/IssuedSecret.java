package cn.chongchuan.safetycredit.sanction.department;

import java.time.Instant;
import java.util.List;

/** A newly created signing secret, shown this once to ADMIN to hand to the department. */
public record IssuedSecret(String department, String keyId, String fingerprint, String secret, Instant createdAt,
        List<String> activeKeyIds) {
}
