package cn.chongchuan.safetycredit.sanction.department;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Set;

/** What ADMIN registers about a department. Without an endpoint the department pulls its inbox. */
public record DepartmentRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 200) String fullName,
        @NotEmpty Set<@Pattern(regexp = "APPROVAL|ENFORCEMENT|PARTNER|ADMIN",
                message = "must be APPROVAL, ENFORCEMENT, PARTNER or ADMIN") String> roles,
        @Size(max = 500) @Pattern(regexp = "https?://[^\\s]+", message = "must be an http(s) URL") String endpointUrl,
        @NotNull Boolean enabled,
        @Size(max = 200) String contact) {
}
