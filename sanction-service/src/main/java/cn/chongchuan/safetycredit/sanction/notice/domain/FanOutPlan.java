package cn.chongchuan.safetycredit.sanction.notice.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Decides who is told about a listing: every enabled department with at least one measure for the subject type. */
public final class FanOutPlan {

    /** A catalogue entry as far as the plan cares. */
    public record CatalogueEntry(String measureCode, String department, Collection<String> subjectTypes) {
    }

    private FanOutPlan() {
    }

    /** Department code → the codes of its measures that apply, in a stable order. */
    public static Map<String, List<String>> departmentsFor(String subjectType, List<CatalogueEntry> catalogue,
            Set<String> enabledDepartments) {
        Map<String, List<String>> plan = new TreeMap<>();
        catalogue.stream()
                .filter(entry -> entry.subjectTypes().contains(subjectType))
                .filter(entry -> enabledDepartments.contains(entry.department()))
                .sorted((a, b) -> a.measureCode().compareTo(b.measureCode()))
                .forEach(entry -> plan.computeIfAbsent(entry.department(), d -> new java.util.ArrayList<>())
                        .add(entry.measureCode()));
        plan.replaceAll((department, codes) -> List.copyOf(codes));
        return plan;
    }
}
