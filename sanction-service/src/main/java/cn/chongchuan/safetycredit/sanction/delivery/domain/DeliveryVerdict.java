package cn.chongchuan.safetycredit.sanction.delivery.domain;

/** What a department's HTTP answer means for a notice. */
public enum DeliveryVerdict {
    /** 2xx: the department has the notice. */
    DELIVERED,
    /**
     * 410 Gone: the endpoint is gone for good. The department's endpoint is disabled (nothing more
     * is pushed to it) and its notices wait for ADMIN to re-enable it; the notice is not refused.
     */
    GONE,
    /** 4xx other than 408/410/429: the department refuses it; retrying cannot help, so ADMIN must look. */
    REJECTED,
    /** Anything else (5xx, 408, 429, no answer): try again later. */
    RETRY;

    public static DeliveryVerdict of(int httpStatus) {
        if (httpStatus >= 200 && httpStatus < 300) {
            return DELIVERED;
        }
        if (httpStatus == 410) {
            return GONE;
        }
        if (httpStatus >= 400 && httpStatus < 500 && httpStatus != 408 && httpStatus != 429) {
            return REJECTED;
        }
        return RETRY;
    }
}
