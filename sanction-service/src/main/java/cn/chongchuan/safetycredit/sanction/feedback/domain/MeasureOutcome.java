package cn.chongchuan.safetycredit.sanction.feedback.domain;

import cn.chongchuan.safetycredit.sanction.notice.domain.NoticeKind;

/** What a department reports for one measure: applied or not applicable at the start, lifted at the end. */
public enum MeasureOutcome {
    APPLIED, NOT_APPLICABLE, LIFTED;

    /** Whether this outcome answers a notice of that kind. */
    public boolean answers(NoticeKind kind) {
        return switch (this) {
            case APPLIED -> kind == NoticeKind.SANCTION_START;
            case LIFTED -> kind == NoticeKind.SANCTION_END;
            case NOT_APPLICABLE -> true;
        };
    }

    /** Whether the report must say on which day it happened. */
    public boolean needsDate() {
        return this != NOT_APPLICABLE;
    }
}
