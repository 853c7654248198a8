package cn.chongchuan.safetycredit.credit.followup.domain;

/** The steps a case's follow-up history records, one event each; stored and shown by name. */
public enum FollowUpEventKind {
    PLAN_OPENED, CHECKLIST_SENT, COMMITMENT_RECORDED, VISIT_RECORDED, MARKED_TYPICAL, UNMARKED_TYPICAL
}
