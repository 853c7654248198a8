package cn.chongchuan.safetycredit.sanction.department;

import java.time.Instant;
import java.util.List;

/** A department as registered: who it is, what it may do, and where its notices go. */
public record Department(String code, String name, String fullName, List<String> roles, String endpointUrl,
        boolean enabled, String contact, Instant createdAt, Instant updatedAt) {

    public Department {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** A department as the seed file names it: enabled, no endpoint or contact until ADMIN sets them. */
    public static Department fromSeed(String code, String name, String fullName, List<String> roles, Instant at) {
        return new Department(code, name, fullName, roles, null, true, null, at, at);
    }

    /** Whether notices are pushed to an endpoint (else the department pulls its inbox). */
    public boolean pushes() {
        return endpointUrl != null && !endpointUrl.isBlank();
    }
}
