package cn.chongchuan.safetycredit.platform.persistence;

/**
 * Receives the key the database generated for an inserted row ({@code useGeneratedKeys} with
 * {@code keyProperty="id.value"}): rows are immutable records, which MyBatis cannot write a key
 * into, and reading the row back by "the latest one" could pick up another request's row.
 */
public final class GeneratedId {

    private Long value;

    public long value() {
        if (value == null) {
            throw new IllegalStateException("no key was generated");
        }
        return value;
    }

    public void setValue(Long value) {
        this.value = value;
    }

    public Long getValue() {
        return value;
    }
}
