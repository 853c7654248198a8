package cn.chongchuan.safetycredit.credit.listing.domain;

import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.platform.rule.RuleViolation;

/**
 * A department that sees a listing but may not take its procedural steps: the credit office, or a
 * department without the power the catalogue gives for the listing's criterion.
 */
public class NotDecidingDepartment extends RuleViolation {

    private NotDecidingDepartment(String type, String title, String detail) {
        super(Kind.FORBIDDEN, type, title, detail);
    }

    static NotDecidingDepartment creditOffice(String holder) {
        return new NotDecidingDepartment("not-imposing-department", "Not the imposing department",
                "only the department that decides this listing (" + holder + ") may notify, decide or drop it");
    }

    static NotDecidingDepartment notCompetent(String department, Criterion criterion, String holder) {
        NotDecidingDepartment refusal = new NotDecidingDepartment("not-competent-department", "Not the competent department",
                department + " has no power to decide listings under " + criterion.code() + " ("
                        + criterion.legalBasis() + "); " + holder + " decides this one");
        refusal.with("decidingDepartment", holder).with("competentDepartments", criterion.competentDepartments());
        return refusal;
    }
}
