package cn.chongchuan.safetycredit.platform.web;

import cn.chongchuan.safetycredit.platform.identity.Requester;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
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

    /** The same department and roles as the domain sees them. */
    public Requester requester() {
        return new Requester(department, roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The one ownership rule of both services, as {@link Requester#owns} states it. */
    public boolean owns(String ownerDepartment) {
        return requester().owns(ownerDepartment);
    }

    /**
     * Applies the ownership rule at the web edge: another department's resource answers exactly as
     * a resource that does not exist (404 {@code not-found}), so its existence is not disclosed.
     */
    public void requireOwns(String ownerDepartment, String what) {
        if (!owns(ownerDepartment)) {
            throw ApiException.notFound(what);
        }
    }
}
