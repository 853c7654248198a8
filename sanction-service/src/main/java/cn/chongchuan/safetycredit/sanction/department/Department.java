package cn.chongchuan.safetycredit.sanction.department;

import java.time.Instant;
import java.util.List;

/** A department as registered: who it is, what it may do, and where its notices go. */
public record Department(String code, String name, String fullName, List<String> roles, String endpointUrl,
        boolean enabled, String contact, Instant createdAt, Instant updatedAt) {

    public Department {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Whether notices are pushed to an endpoint (else the department pulls its inbox). */
    public boolean pushes() {
        return endpointUrl != null && !endpointUrl.isBlank();
    }
}
