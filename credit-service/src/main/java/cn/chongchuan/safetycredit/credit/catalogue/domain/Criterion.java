package cn.chongchuan.safetycredit.credit.catalogue.domain;

/**
 * One listing criterion of 应急管理部令第11号: which subjects it lists and, for a count-based one,
 * how many violations within how many months it takes.
 */
public record Criterion(
        String code,
        int situation,
        String title,
        String legalBasis,
        boolean accidentRelated,
        boolean listsUnit,
        boolean listsPrincipal,
        boolean listsOtherPersons,
        Integer countThreshold,
        Integer windowMonths,
        boolean enabled) {

    public boolean isCountBased() {
        return countThreshold != null && countThreshold > 1;
    }

    /** Whether a violation under this criterion must name at least one 主要负责人. */
    public boolean requiresPrincipal() {
        return listsPrincipal && !listsUnit;
    }

    /** Whether a violation under this criterion must name at least one responsible person. */
    public boolean requiresPersons() {
        return !listsUnit;
    }

    /**
     * Whether a violation, together with {@code earlierInWindow} violations of the same unit under
     * this criterion inside the window, meets the criterion.
     */
    public boolean isMetWith(int earlierInWindow) {
        return !isCountBased() || earlierInWindow + 1 >= countThreshold;
    }
}
