package cn.chongchuan.safetycredit.platform.web;

import cn.chongchuan.safetycredit.platform.token.InternalTokens;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Set;

/** The department that sent the current request, and the roles the gateway vouched for. */
public record Caller(String department, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** Reads the caller out of a verified internal token. */
    public static Caller of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(InternalTokens.ROLES_CLAIM);
        return new Caller(jwt.getClaimAsString(InternalTokens.DEPARTMENT_CLAIM), Set.copyOf(roles == null ? List.of() : roles));
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
