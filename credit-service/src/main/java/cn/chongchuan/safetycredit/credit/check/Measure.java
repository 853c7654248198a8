package cn.chongchuan.safetycredit.credit.check;

import java.util.List;

/** One joint-sanction measure of sanction-service's catalogue (docs/contracts.md). */
public record Measure(String code, String title, String department, String legalBasis, List<String> subjectTypes) {

    public Measure {
        subjectTypes = subjectTypes == null ? List.of() : List.copyOf(subjectTypes);
    }

    boolean appliesTo(String askingDepartment, String subjectType) {
        return department != null && department.equals(askingDepartment) && subjectTypes.contains(subjectType);
    }
}
