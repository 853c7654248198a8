package cn.chongchuan.safetycredit.credit.catalogue.domain;

import java.util.List;

/**
 * One listing criterion: its wording and legal source, which facts decide it, which departments
 * decide listings under it, which subjects it lists and, for a count-based one, how many accidents
 * within how many months it takes.
 */
public record Criterion(
        String code,
        int situation,
        String title,
        String legalBasis,
        CriterionSource source,
        FactCondition condition,
        List<String> competentDepartments,
        boolean listsUnit,
        boolean listsPrincipal,
        boolean listsOtherPersons,
        Integer countThreshold,
        Integer windowMonths,
        boolean enabled) {

    public Criterion {
        source = source == null ? CriterionSource.ORDER_11 : source;
        condition = condition == null ? FactCondition.NONE : condition;
        competentDepartments = competentDepartments == null ? List.of() : List.copyOf(competentDepartments);
    }

    /** Whether a violation under this criterion must record its accident. */
    public boolean accidentRelated() {
        return condition.accidentRelated();
    }

    public boolean isCountBased() {
        return countThreshold != null && countThreshold > 1;
    }

    /** Whether a violation under this criterion must name at least one responsible person. */
    public boolean requiresPersons() {
        return !listsUnit;
    }

    /**
     * Whether {@code department} may decide (notify, decide) a listing under this criterion. A
     * criterion that names no department leaves it to the department that holds the listing.
     */
    public boolean mayDecide(String department) {
        return competentDepartments.isEmpty() || competentDepartments.contains(department);
    }

    /**
     * Which department decides a listing proposed on a violation that {@code recording} records,
     * optionally asking for {@code requested} (one of the competent departments).
     */
    public Routing route(String recording, String requested) {
        if (competentDepartments.isEmpty()) {
            return requested == null || requested.equals(recording) ? new Routing.To(recording)
                    : new Routing.Refused("decidingDepartment", "must be the recording department " + recording
                            + ": criterion " + code + " names no competent department");
        }
        boolean recorderCompetent = competentDepartments.contains(recording);
        if (source == CriterionSource.DISTRICT_RULES && !recorderCompetent) {
            return new Routing.Refused("criterionCode", "is a district rule (本区细则) that only "
                    + String.join(", ", competentDepartments) + " may apply");
        }
        if (recorderCompetent) {
            // 谁处罚、谁决定: a competent department decides its own penalties.
            return requested == null || requested.equals(recording) ? new Routing.To(recording)
                    : new Routing.Refused("decidingDepartment", "must be " + recording + " or left out: the department "
                            + "that imposed the penalty decides the listing (谁处罚、谁决定)");
        }
        if (requested == null) {
            return new Routing.To(competentDepartments.getFirst());
        }
        return competentDepartments.contains(requested) ? new Routing.To(requested)
                : new Routing.Refused("decidingDepartment", "is not competent for criterion " + code + ": one of "
                        + String.join(", ", competentDepartments));
    }

    /** Where a proposed listing goes, or why the recording department may not use the criterion as asked. */
    public sealed interface Routing {

        /** The listing goes to {@code department}. */
        record To(String department) implements Routing {
        }

        /** Refused: {@code field} of the request is at fault. */
        record Refused(String field, String reason) implements Routing {
        }
    }
}
