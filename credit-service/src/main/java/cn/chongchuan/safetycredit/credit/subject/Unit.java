package cn.chongchuan.safetycredit.credit.subject;

/** A unit (enterprise or body) identified by its 统一社会信用代码. */
public record Unit(long id, String uscc, String name, String areaCode, String checkOverrideBy, String checkOverrideReason) {

    public String key() {
        return SubjectService.unitKey(uscc);
    }
}
