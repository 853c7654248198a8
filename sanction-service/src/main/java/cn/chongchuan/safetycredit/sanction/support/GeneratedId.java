package cn.chongchuan.safetycredit.sanction.support;

/**
 * Receives the key the database generated for an inserted row ({@code useGeneratedKeys} with
 * {@code keyProperty="id.value"}). Rows are immutable records, which MyBatis cannot write a key
 * into; selecting the row again afterwards would cost a query and invite picking up the wrong one.
 */
public final class GeneratedId {

    private Long value;

    /** The generated key; fails if the insert generated none. */
    public long value() {
        if (value == null) {
            throw new IllegalStateException("the insert generated no key");
        }
        return value;
    }

    /** Written by MyBatis after the insert. */
    public void setValue(Long value) {
        this.value = value;
    }

    public Long getValue() {
        return value;
    }
}
