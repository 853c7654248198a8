package cn.chongchuan.safetycredit.credit.followup.domain;

/** What a return visit found: the hazards rectified, not rectified, or a new violation. */
public enum VisitOutcome { RECTIFIED, NOT_RECTIFIED, NEW_VIOLATION_FOUND }
