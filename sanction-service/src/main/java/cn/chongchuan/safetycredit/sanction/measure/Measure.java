package cn.chongchuan.safetycredit.sanction.measure;

import java.util.List;

/** One joint-sanction measure of the catalogue, applied by one department to some subject types. */
public record Measure(String code, String title, String department, String legalBasis, List<String> subjectTypes) {

    public Measure {
        subjectTypes = subjectTypes == null ? List.of() : List.copyOf(subjectTypes);
    }

    public boolean appliesTo(String subjectType) {
        return subjectTypes.contains(subjectType);
    }
}
