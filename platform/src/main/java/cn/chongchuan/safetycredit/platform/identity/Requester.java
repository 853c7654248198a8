package cn.chongchuan.safetycredit.platform.identity;

import java.util.Set;

/**
 * Who asks, as the domain sees it: a department and the roles the gateway vouched for. Plain Java,
 * so that domain rules ("only the imposing department decides", "the credit office reads
 * everything") take it without knowing of tokens or HTTP; the web edge builds it from the caller.
 */
public record Requester(String department, Set<String> roles) {

    public static final String ADMIN = "ADMIN";
    public static final String ENFORCEMENT = "ENFORCEMENT";

    public Requester {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The credit office (信用办): reads everything, decides what the rules give it. */
    public boolean isCreditOffice() {
        return hasRole(ADMIN);
    }

    /** The one ownership rule: a department owns what it holds; the credit office reads everything. */
    public boolean owns(String ownerDepartment) {
        return isCreditOffice() || department.equals(ownerDepartment);
    }
}
