package cn.chongchuan.safetycredit.credit.listing.domain;

/**
 * How a notice of intended listing was served on the party (送达方式), as administrative procedure
 * knows them; the defence period runs from the day of service.
 */
public enum ServiceMethod {
    DIRECT("直接送达"),
    LEFT_AT_ADDRESS("留置送达"),
    POSTAL("邮寄送达"),
    ELECTRONIC("电子送达"),
    ENTRUSTED("委托送达"),
    PUBLIC_NOTICE("公告送达");

    private final String label;

    ServiceMethod(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
