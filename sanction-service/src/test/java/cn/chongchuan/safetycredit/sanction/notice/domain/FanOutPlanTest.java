package cn.chongchuan.safetycredit.sanction.notice.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FanOutPlanTest {

    private final List<FanOutPlan.CatalogueEntry> catalogue = List.of(
            new FanOutPlan.CatalogueEntry("M-ZJJ-02", "ZJJ", List.of("UNIT")),
            new FanOutPlan.CatalogueEntry("M-ZJJ-01", "ZJJ", List.of("UNIT")),
            new FanOutPlan.CatalogueEntry("M-AJJ-04", "AJJ", List.of("PERSON")),
            new FanOutPlan.CatalogueEntry("M-AJJ-02", "AJJ", List.of("UNIT", "PERSON")),
            new FanOutPlan.CatalogueEntry("M-CZJ-01", "CZJ", List.of("UNIT")));

    @Test
    void everyDepartmentWithAMeasureForTheSubjectTypeIsToldItsMeasures() {
        assertThat(FanOutPlan.departmentsFor("UNIT", catalogue, Set.of("ZJJ", "AJJ", "CZJ"))).isEqualTo(Map.of(
                "AJJ", List.of("M-AJJ-02"), "CZJ", List.of("M-CZJ-01"), "ZJJ", List.of("M-ZJJ-01", "M-ZJJ-02")));
        assertThat(FanOutPlan.departmentsFor("PERSON", catalogue, Set.of("ZJJ", "AJJ", "CZJ")))
                .isEqualTo(Map.of("AJJ", List.of("M-AJJ-02", "M-AJJ-04")));
    }

    @Test
    void aDisabledDepartmentIsLeftOut() {
        assertThat(FanOutPlan.departmentsFor("UNIT", catalogue, Set.of("AJJ"))).containsOnlyKeys("AJJ");
    }
}
