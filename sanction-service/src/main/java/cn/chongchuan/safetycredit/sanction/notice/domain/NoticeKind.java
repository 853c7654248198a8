package cn.chongchuan.safetycredit.sanction.notice.domain;

/** What a notice tells a department: apply the measures, or lift them because the listing ended. */
public enum NoticeKind {
    SANCTION_START, SANCTION_END
}
