package cn.chongchuan.safetycredit.credit.catalogue.domain;

/** Where a criterion comes from, which decides who may apply it. */
public enum CriterionSource {

    /**
     * 《安全生产严重失信主体名单管理办法》(应急管理部令第11号): any enforcement department records the
     * violation; only the departments the Order gives the power to decide the listing.
     */
    ORDER_11,

    /**
     * The district's own rules (本区细则, 崇川政办发〔2020〕11号 task 55): only the departments the rule
     * names apply it, recording and deciding their own cases.
     */
    DISTRICT_RULES
}
