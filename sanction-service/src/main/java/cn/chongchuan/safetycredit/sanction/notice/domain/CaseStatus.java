package cn.chongchuan.safetycredit.sanction.notice.domain;

/** Whether the departments were last told that a listing's sanction starts (ACTIVE) or ends (ENDED). */
public enum CaseStatus {
    ACTIVE, ENDED
}
