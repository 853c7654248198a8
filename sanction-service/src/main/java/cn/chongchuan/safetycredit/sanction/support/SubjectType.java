package cn.chongchuan.safetycredit.sanction.support;

/** Who a listing names: a unit (by its USCC) or a responsible person. */
public enum SubjectType {
    UNIT, PERSON
}
