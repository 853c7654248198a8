package cn.chongchuan.safetycredit.platform.seed;

import java.util.List;
import java.util.Set;

/**
 * One department of {@code seeds/departments.yaml}: its stable code, short and full name, and the
 * roles it holds in this system (DESIGN §2).
 */
public record DepartmentSeed(String code, String name, String fullName, List<String> roles) {

    /** The roles a department may hold. */
    public static final Set<String> ROLES = Set.of("ADMIN", "ENFORCEMENT", "PARTNER", "APPROVAL");

    public DepartmentSeed {
        roles = List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
