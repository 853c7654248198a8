package cn.chongchuan.safetycredit.credit.check.domain;

/** What a licensing check answers about a subject. */
public enum CheckStatus {
    /** Not on the blacklist and no listing under way. */
    CLEAR,
    /** On the blacklist: the joint-sanction measures apply. */
    LISTED,
    /** A listing is proposed or notified but not decided: informational, no measure applies yet. */
    PROPOSED
}
