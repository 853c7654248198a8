package cn.chongchuan.safetycredit.credit.followup.domain;

/** How an obligations checklist reached the unit. */
public enum ReminderChannel { POST, EMAIL, SMS, IN_PERSON, PLATFORM }
