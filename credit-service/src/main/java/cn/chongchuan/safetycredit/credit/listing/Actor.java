package cn.chongchuan.safetycredit.credit.listing;

import cn.chongchuan.safetycredit.platform.identity.Requester;
import cn.chongchuan.safetycredit.platform.web.Caller;

/** Who acts on a listing: a department in one of its roles, or the system itself (expiry). */
public record Actor(String department, String role) {

    public static final Actor SYSTEM = new Actor("SYSTEM", "SYSTEM");

    /** The requester acting in the given role (which the endpoint already required). */
    public static Actor of(Requester requester, String role) {
        return new Actor(requester.department(), role);
    }

    /** The requester as ADMIN if it is one, otherwise as ENFORCEMENT. */
    public static Actor of(Requester requester) {
        return of(requester, requester.isCreditOffice() ? Requester.ADMIN : Requester.ENFORCEMENT);
    }

    /** The caller acting in the given role (which the endpoint already required). */
    public static Actor of(Caller caller, String role) {
        return of(caller.requester(), role);
    }

    /** The caller as ADMIN if it is one, otherwise as ENFORCEMENT. */
    public static Actor of(Caller caller) {
        return of(caller.requester());
    }
}
