package cn.chongchuan.safetycredit.devstack;

/** An embedded server could not start; the message says why in one line. */
public class EmbeddedStartException extends RuntimeException {

    public EmbeddedStartException(String message, Throwable cause) {
        super(message, cause);
    }

    public EmbeddedStartException(String message) {
        super(message);
    }
}
