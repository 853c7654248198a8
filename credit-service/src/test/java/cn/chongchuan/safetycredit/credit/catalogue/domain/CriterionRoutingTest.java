package cn.chongchuan.safetycredit.credit.catalogue.domain;

import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion.Routing;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CriterionRoutingTest {

    private static Criterion orderEleven(String... competent) {
        return new Criterion("OM11-06", 6, "未依法取得安全生产相关许可……", "第七条第（一）项", CriterionSource.ORDER_11,
                FactCondition.NO_ACCIDENT, List.of(competent), true, true, false, null, null, true);
    }

    private static Criterion districtRule(String... departments) {
        return new Criterion("QX-01", 101, "本区细则：……", "本区细则第三条", CriterionSource.DISTRICT_RULES,
                FactCondition.NONE, List.of(departments), true, true, false, null, null, true);
    }

    @Test
    void aCompetentDepartmentDecidesItsOwnPenalty() {
        assertThat(orderEleven("AJJ").route("AJJ", null)).isEqualTo(new Routing.To("AJJ"));
        assertThat(orderEleven("AJJ").route("AJJ", "AJJ")).isEqualTo(new Routing.To("AJJ"));
    }

    @Test
    void aCompetentDepartmentCannotHandItsOwnPenaltyToAnother() {
        assertThat(orderEleven("AJJ", "KAJ").route("AJJ", "KAJ"))
                .isInstanceOfSatisfying(Routing.Refused.class, r -> assertThat(r.field()).isEqualTo("decidingDepartment"));
    }

    @Test
    void anotherDepartmentsViolationGoesToTheFirstCompetentDepartmentUnlessItNamesOne() {
        assertThat(orderEleven("AJJ", "KAJ").route("ZJJ", null)).isEqualTo(new Routing.To("AJJ"));
        assertThat(orderEleven("AJJ", "KAJ").route("ZJJ", "KAJ")).isEqualTo(new Routing.To("KAJ"));
    }

    @Test
    void anotherDepartmentCannotSendTheListingToADepartmentWithoutThePower() {
        assertThat(orderEleven("AJJ").route("ZJJ", "ZJJ")).isInstanceOfSatisfying(Routing.Refused.class, r -> {
            assertThat(r.field()).isEqualTo("decidingDepartment");
            assertThat(r.reason()).contains("AJJ");
        });
    }

    @Test
    void aDistrictRuleIsAppliedOnlyByTheDepartmentsItNames() {
        assertThat(districtRule("ZJJ", "CGJ").route("CGJ", null)).isEqualTo(new Routing.To("CGJ"));
        assertThat(districtRule("ZJJ", "CGJ").route("AJJ", null))
                .isInstanceOfSatisfying(Routing.Refused.class, r -> assertThat(r.field()).isEqualTo("criterionCode"));
    }

    @Test
    void onlyCompetentDepartmentsMayDecide() {
        assertThat(orderEleven("AJJ").mayDecide("AJJ")).isTrue();
        assertThat(orderEleven("AJJ").mayDecide("ZJJ")).isFalse();
        assertThat(orderEleven().mayDecide("ZJJ")).as("a criterion naming nobody leaves it to the holder").isTrue();
    }
}
