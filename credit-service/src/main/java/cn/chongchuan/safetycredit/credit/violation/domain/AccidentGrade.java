package cn.chongchuan.safetycredit.credit.violation.domain;

/**
 * The grade of a production safety accident, as 《生产安全事故报告和调查处理条例》(国务院令第493号)
 * 第三条 grades it (by deaths, serious injuries and direct economic loss); the accident's
 * investigation report states it.
 */
public enum AccidentGrade {

    /** 一般事故. */
    GENERAL("一般"),
    /** 较大事故. */
    LARGER("较大"),
    /** 重大事故. */
    MAJOR("重大"),
    /** 特别重大事故. */
    ESPECIALLY_MAJOR("特别重大");

    private final String label;

    AccidentGrade(String label) {
        this.label = label;
    }

    /** The grade as the regulation names it: 一般, 较大, 重大, 特别重大. */
    public String label() {
        return label;
    }
}
