package cn.chongchuan.safetycredit.sanction.delivery;

/** A call that failed in a way worth retrying (5xx, 408, 429, timeout, reset, refused). */
class TransientDeliveryFailure extends RuntimeException {

    private final Integer httpStatus;

    TransientDeliveryFailure(Integer httpStatus, String reason) {
        super(reason, null, false, false);
        this.httpStatus = httpStatus;
    }

    Integer httpStatus() {
        return httpStatus;
    }
}
