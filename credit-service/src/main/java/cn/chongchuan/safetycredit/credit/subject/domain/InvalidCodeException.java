package cn.chongchuan.safetycredit.credit.subject.domain;

/**
 * A 统一社会信用代码 or 居民身份证号 that fails its format or check character; the message names
 * the character at fault and, for a wrong check character, the expected one.
 */
public class InvalidCodeException extends RuntimeException {

    private final String field;
    private final int position;
    private final Character expected;

    public InvalidCodeException(String field, String message, int position, Character expected) {
        super(message);
        this.field = field;
        this.position = position;
        this.expected = expected;
    }

    public String field() {
        return field;
    }

    /** 1-based position of the character at fault, or 0 when the length is wrong. */
    public int position() {
        return position;
    }

    /** The check character that would be valid, when the check character is what is wrong. */
    public Character expected() {
        return expected;
    }

    /** True when only the check character is wrong (a pilot code may still be legal). */
    public boolean isCheckCharacterMismatch() {
        return expected != null;
    }
}
