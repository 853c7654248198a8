package cn.chongchuan.safetycredit.sanction.delivery.domain;

/**
 * How one call for a notice ended: the department took it, refused it for good, answered that the
 * endpoint is gone, or it failed and may be retried.
 */
public enum AttemptOutcome {
    DELIVERED, REJECTED, GONE, FAILED;

    /** The outcome of a call, from what its answer (or its failure, RETRY) means for the notice. */
    public static AttemptOutcome of(DeliveryVerdict verdict) {
        return switch (verdict) {
            case DELIVERED -> DELIVERED;
            case REJECTED -> REJECTED;
            case GONE -> GONE;
            case RETRY -> FAILED;
        };
    }
}
