package cn.chongchuan.safetycredit.sanction.department;

/** Why notices are no longer pushed to a department's endpoint. */
public enum EndpointDisabledReason {
    /** The endpoint answered 410 Gone. */
    GONE,
    /** Every round failed for longer than {@code sanction.delivery.disable-after-failing-for}. */
    FAILING,
    /** ADMIN disabled it. */
    ADMIN
}
