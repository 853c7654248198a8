package cn.chongchuan.safetycredit.sanction.delivery;

import java.time.Duration;

/**
 * A call that failed in a way worth retrying (5xx, 408, 429, timeout, reset, refused). One that
 * carries the department's {@code Retry-After} ends its round at once: the next call waits for the
 * next round, which the header may delay.
 */
class TransientDeliveryFailure extends RuntimeException {

    private final Integer httpStatus;
    private final Duration retryAfter;

    TransientDeliveryFailure(Integer httpStatus, String reason) {
        this(httpStatus, reason, null);
    }

    TransientDeliveryFailure(Integer httpStatus, String reason, Duration retryAfter) {
        super(reason, null, false, false);
        this.httpStatus = httpStatus;
        this.retryAfter = retryAfter;
    }

    Integer httpStatus() {
        return httpStatus;
    }

    /** How long the department asked to wait, or null. */
    Duration retryAfter() {
        return retryAfter;
    }

    /** Whether another call in the same round may follow: not when the department asked us to wait. */
    boolean retryableWithinRound() {
        return retryAfter == null;
    }
}
