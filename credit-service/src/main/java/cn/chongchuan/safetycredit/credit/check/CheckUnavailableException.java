package cn.chongchuan.safetycredit.credit.check;

import java.time.Duration;

/** The database cannot be reached and the answer is not cached: the caller must retry, never assume CLEAR. */
public class CheckUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public CheckUnavailableException(Duration retryAfter, Throwable cause) {
        super("the register cannot be read right now and this subject's answer is not cached; retry later", cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
