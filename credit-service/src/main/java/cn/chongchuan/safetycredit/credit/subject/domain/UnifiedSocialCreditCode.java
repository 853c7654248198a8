package cn.chongchuan.safetycredit.credit.subject.domain;

/**
 * A unit's 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet, the last
 * one a check character over the first 17; characters 3–8 are the administrative division.
 */
public record UnifiedSocialCreditCode(String value) {

    /** The code alphabet; a character's value is its index (I, O, S, V, Z are not used). */
    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public UnifiedSocialCreditCode {
        value = value.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** Parses and validates a code; throws {@link InvalidCodeException} naming what is wrong. */
    public static UnifiedSocialCreditCode parse(String raw, String field) {
        UnifiedSocialCreditCode code = parseFormat(raw, field);
        char expected = checkCharacterFor(code.value.substring(0, 17));
        if (code.value.charAt(17) != expected) {
            throw new InvalidCodeException(field, "check character (position 18) is '" + code.value.charAt(17)
                    + "' but should be '" + expected + "'", 18, expected);
        }
        return code;
    }

    /** Parses a code whose characters are well-formed but whose check character may be wrong (pilot codes). */
    public static UnifiedSocialCreditCode parseFormat(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidCodeException(field, "is required", 0, null);
        }
        String value = raw.trim().toUpperCase(java.util.Locale.ROOT);
        if (value.length() != 18) {
            throw new InvalidCodeException(field, "must be 18 characters, not " + value.length(), 0, null);
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                throw new InvalidCodeException(field, "character " + (i + 1) + " '" + value.charAt(i)
                        + "' is not allowed (digits and ABCDEFGHJKLMNPQRTUWXY only)", i + 1, null);
            }
        }
        return new UnifiedSocialCreditCode(value);
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacterFor(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** The 6-digit administrative division (characters 3–8), e.g. 320602 for 崇川区. */
    public String areaCode() {
        return value.substring(2, 8);
    }

    @Override
    public String toString() {
        return value;
    }
}
