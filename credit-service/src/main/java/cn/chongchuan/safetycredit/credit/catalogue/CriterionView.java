package cn.chongchuan.safetycredit.credit.catalogue;

import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;

import java.util.List;

/**
 * A criterion as forms and reviewers see it: its wording and legal source, which facts decide it,
 * who decides listings under it, whom it lists.
 */
public record CriterionView(
        String code,
        int situation,
        String title,
        String legalBasis,
        String source,
        String condition,
        boolean accidentRelated,
        List<String> competentDepartments,
        boolean listsUnit,
        boolean listsPrincipal,
        boolean listsOtherPersons,
        Integer countThreshold,
        Integer windowMonths,
        boolean enabled) {

    public static CriterionView of(Criterion c) {
        return new CriterionView(c.code(), c.situation(), c.title(), c.legalBasis(), c.source().name(),
                c.condition().name(), c.accidentRelated(), c.competentDepartments(), c.listsUnit(), c.listsPrincipal(),
                c.listsOtherPersons(), c.countThreshold(), c.windowMonths(), c.enabled());
    }
}
