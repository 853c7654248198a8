package cn.chongchuan.safetycredit.credit.check.domain;

import cn.chongchuan.safetycredit.credit.subject.domain.InvalidCodeException;
import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import cn.chongchuan.safetycredit.credit.subject.domain.UnifiedSocialCreditCode;

import java.time.Year;

/**
 * A code asked about: a unit's USCC or a person's ID number. Both are 18 characters. Unless the
 * caller says {@code UNIT} or {@code PERSON}, a code that passes the ID-number rules (17 digits,
 * a birth date from 1900 on, the check character) is a person's; if it passes the USCC rules as
 * well (GB 32100 and GB 11643 both hold for about one ID number in thirty), it is
 * {@link EitherCode}, and the check looks it up as both. Anything else is a unit's.
 */
public sealed interface CheckCode {

    String UNIT = "UNIT";
    String PERSON = "PERSON";

    record UnitCode(UnifiedSocialCreditCode uscc) implements CheckCode {
    }

    record PersonCode(ResidentIdNumber id) implements CheckCode {
        @Override
        public String toString() {
            return "PersonCode[" + id.masked() + "]";
        }
    }

    /** Valid under both standards: the same 18 characters read as a USCC and as an ID number. */
    record EitherCode(UnifiedSocialCreditCode uscc, ResidentIdNumber id) implements CheckCode {
        @Override
        public String toString() {
            return "EitherCode[" + id.masked() + "]";
        }
    }

    /**
     * Classifies and validates a code; {@code subjectType} (UNIT, PERSON or null) settles a code
     * that could be either. Throws {@link InvalidCodeException} naming {@code field}. A USCC whose
     * only fault is its check character is returned by {@link #parseUnitFormat}; this method refuses it.
     */
    static CheckCode parse(String raw, String subjectType, String field) {
        if (PERSON.equals(subjectType)) {
            return new PersonCode(ResidentIdNumber.parse(raw, field));
        }
        if (UNIT.equals(subjectType)) {
            return new UnitCode(UnifiedSocialCreditCode.parse(raw, field));
        }
        if (looksLikePerson(raw)) {
            ResidentIdNumber id = ResidentIdNumber.parse(raw, field);
            try {
                return new EitherCode(UnifiedSocialCreditCode.parse(raw, field), id);
            } catch (InvalidCodeException notAUnitCode) {
                return new PersonCode(id);
            }
        }
        return new UnitCode(UnifiedSocialCreditCode.parse(raw, field));
    }

    /** A USCC checked for its characters only (a registered pilot code may fail its check character). */
    static UnitCode parseUnitFormat(String raw, String field) {
        return new UnitCode(UnifiedSocialCreditCode.parseFormat(raw, field));
    }

    /**
     * Whether a code would be checked as a person (or is a mistyped ID number), so that it must come
     * in a request body, never in a URL. A code that is both a valid ID number and a valid USCC is
     * looked up as a person too unless the caller says {@code UNIT}: it belongs in a body as well.
     */
    static boolean belongsInBody(String raw, String subjectType) {
        if (PERSON.equals(subjectType)) {
            return true;
        }
        if (!looksLikePerson(raw)) {
            return false;
        }
        if (!UNIT.equals(subjectType)) {
            return true;
        }
        try {
            UnifiedSocialCreditCode.parse(raw.trim(), "code");
            return false;
        } catch (InvalidCodeException notUnit) {
            return true;
        }
    }

    private static boolean looksLikePerson(String raw) {
        if (raw == null) {
            return false;
        }
        String value = raw.trim();
        if (value.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        int year = Integer.parseInt(value.substring(6, 10));
        if (year < 1900 || year > Year.now().getValue()) {
            return false;
        }
        try {
            ResidentIdNumber.parse(value, "code");
            return true;
        } catch (InvalidCodeException e) {
            // A 17-digit code with a bad ID check character may still be a USCC; if it is neither,
            // the person's error (naming the check character) is the more useful one.
            try {
                UnifiedSocialCreditCode.parse(value, "code");
                return false;
            } catch (InvalidCodeException notUnit) {
                return true;
            }
        }
    }
}
