package cn.chongchuan.safetycredit.credit.subject.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * A person's 18-character 居民身份证号 (GB 11643-1999). Personal data: never log it, never store it
 * in plain text, show it only {@linkplain #masked() masked} outside authorised views.
 */
public final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private final String value;

    private ResidentIdNumber(String value) {
        this.value = value;
    }

    /** Parses and validates a number; throws {@link InvalidCodeException} naming what is wrong. */
    public static ResidentIdNumber parse(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidCodeException(field, "is required", 0, null);
        }
        String value = raw.trim().toUpperCase(Locale.ROOT);
        if (value.length() != 18) {
            throw new InvalidCodeException(field, "must be 18 characters, not " + value.length(), 0, null);
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(value.charAt(i)) || value.charAt(i) > '9') {
                throw new InvalidCodeException(field, "character " + (i + 1) + " must be a digit", i + 1, null);
            }
        }
        char last = value.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            throw new InvalidCodeException(field, "character 18 must be a digit or X", 18, null);
        }
        try {
            LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidCodeException(field, "characters 7–14 are not a valid date of birth", 7, null);
        }
        char expected = checkCharacterFor(value.substring(0, 17));
        if (last != expected) {
            throw new InvalidCodeException(field, "check character (position 18) is '" + last
                    + "' but should be '" + expected + "'", 18, expected);
        }
        return new ResidentIdNumber(value);
    }

    /**
     * Whether the text is, or contains, something shaped like an ID number (a run of 15 to 18
     * digits, the last possibly X, after NFKC folding of full-width digits), valid or not. Public
     * endpoints refuse such input: answering it, even with "no match", lets anyone confirm a
     * number one guess at a time (issue 13: the masked form leaves only the birth date to guess).
     */
    public static boolean looksLike(String text) {
        if (text == null) {
            return false;
        }
        String folded = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC);
        return ID_SHAPED.matcher(folded).find();
    }

    private static final java.util.regex.Pattern ID_SHAPED =
            java.util.regex.Pattern.compile("(?<![0-9])[0-9]{14,17}[0-9Xx](?![0-9])");

    /** The check character for the first 17 digits. */
    public static char checkCharacterFor(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** First 6 and last 4 characters, the rest as asterisks: {@code 110105********002X}. */
    public String masked() {
        return mask(value);
    }

    /** Masks any 18-character number the same way. */
    public static String mask(String number) {
        return number.substring(0, 6) + "********" + number.substring(14);
    }

    /** The plain number, only for hashing and encryption. */
    public String plain() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResidentIdNumber id && id.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Never the plain number, so it cannot leak through logs or string concatenation. */
    @Override
    public String toString() {
        return masked();
    }
}
