package cn.chongchuan.safetycredit.credit.catalogue.domain;

/**
 * Which recorded facts of a violation decide a criterion (seeds/criteria.yaml {@code condition}).
 * The rules themselves are in {@code violation.domain.CriterionRules}; the catalogue only says which
 * rule a criterion follows, so that a new criterion (a district rule) can reuse one.
 */
public enum FactCondition {

    /** A 重大 or 特别重大 accident (第六条第（一）项). */
    GRAVE_ACCIDENT(true),
    /** Enough 较大 accidents of the unit within the window, by accident date (第六条第（二）项). */
    REPEATED_LARGER_ACCIDENTS(true),
    /** An accident found 情节特别严重、影响特别恶劣 and fined 2–5 times (第六条第（三）项; 安全生产法第一百一十四条第二款). */
    AGGRAVATED_ACCIDENT_FINE(true),
    /** An accident; the conduct the criterion names is the penalty decision's finding (第六条第（四）（五）项). */
    ACCIDENT(true),
    /** No accident (第七条); the conduct the criterion names is the penalty decision's finding. */
    NO_ACCIDENT(false),
    /** No condition on the facts. */
    NONE(false);

    private final boolean accidentRelated;

    FactCondition(boolean accidentRelated) {
        this.accidentRelated = accidentRelated;
    }

    /** Whether a violation under such a criterion must record its accident (date and grade). */
    public boolean accidentRelated() {
        return accidentRelated;
    }
}
