package cn.chongchuan.safetycredit.sanction.notice;

/** Where a notice stands for its department: not yet acknowledged, acknowledged, or answered on every measure. */
public enum NoticeStage {
    NEW, ACKNOWLEDGED, ANSWERED
}
