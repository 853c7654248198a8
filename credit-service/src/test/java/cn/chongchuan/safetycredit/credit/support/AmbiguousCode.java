package cn.chongchuan.safetycredit.credit.support;

import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import cn.chongchuan.safetycredit.credit.subject.domain.UnifiedSocialCreditCode;

/** Codes of 18 digits that pass both check-character rules: a valid ID number and a valid USCC at once. */
public final class AmbiguousCode {

    private AmbiguousCode() {
    }

    /** The first such code of a person born 1922-11-15 in area 911101 (also a USCC of authority 9, type 1). */
    public static String validAsBoth() {
        for (int serial = 100; serial < 1000; serial++) {
            String first17 = "91110119221115" + serial;
            char id = ResidentIdNumber.checkCharacterFor(first17);
            if (Character.isDigit(id) && id == UnifiedSocialCreditCode.checkCharacterFor(first17)) {
                return first17 + id;
            }
        }
        throw new IllegalStateException("no code valid as both");
    }
}
