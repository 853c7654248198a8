package cn.chongchuan.safetycredit.credit.violation.domain;

import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.credit.catalogue.domain.CriterionSource;
import cn.chongchuan.safetycredit.credit.catalogue.domain.FactCondition;
import cn.chongchuan.safetycredit.credit.violation.domain.Assessment.Outcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CriterionRulesTest {

    private static final LocalDate ACCIDENT = LocalDate.of(2026, 6, 1);

    private static Criterion criterion(String code, FactCondition condition) {
        boolean counts = condition == FactCondition.REPEATED_LARGER_ACCIDENTS;
        return new Criterion(code, Integer.parseInt(code.substring(5)), "情形" + code, "第六条", CriterionSource.ORDER_11,
                condition, List.of("AJJ"), true, true, false, counts ? 2 : null, counts ? 12 : null, true);
    }

    private static final List<Criterion> CATALOGUE = List.of(
            criterion("OM11-01", FactCondition.GRAVE_ACCIDENT),
            criterion("OM11-02", FactCondition.REPEATED_LARGER_ACCIDENTS),
            criterion("OM11-03", FactCondition.AGGRAVATED_ACCIDENT_FINE),
            criterion("OM11-04", FactCondition.ACCIDENT),
            criterion("OM11-05", FactCondition.ACCIDENT),
            criterion("OM11-06", FactCondition.NO_ACCIDENT),
            criterion("OM11-07", FactCondition.NO_ACCIDENT));

    private static ViolationFacts accident(AccidentGrade grade) {
        return new ViolationFacts(ACCIDENT, grade, null, false);
    }

    private static Outcome outcome(String code, ViolationFacts facts, LocalDate... otherLarger) {
        Criterion criterion = CATALOGUE.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
        return CriterionRules.assess(criterion, facts, List.of(otherLarger)).outcome();
    }

    @Test
    void aMajorOrEspeciallyMajorAccidentMeetsSituationOne() {
        assertThat(outcome("OM11-01", accident(AccidentGrade.MAJOR))).isEqualTo(Outcome.MET);
        assertThat(outcome("OM11-01", accident(AccidentGrade.ESPECIALLY_MAJOR))).isEqualTo(Outcome.MET);
        assertThat(outcome("OM11-01", accident(AccidentGrade.LARGER))).isEqualTo(Outcome.EXCLUDED);
        assertThat(outcome("OM11-01", ViolationFacts.NONE)).isEqualTo(Outcome.EXCLUDED);
    }

    @Test
    void aLargerAccidentCountsUntilASecondWithinTwelveMonthsMeetsSituationTwo() {
        assertThat(outcome("OM11-02", accident(AccidentGrade.LARGER))).isEqualTo(Outcome.COUNTING);
        assertThat(outcome("OM11-02", accident(AccidentGrade.LARGER), ACCIDENT.plusMonths(5))).isEqualTo(Outcome.MET);
        assertThat(outcome("OM11-02", accident(AccidentGrade.LARGER), ACCIDENT.minusMonths(13))).isEqualTo(Outcome.COUNTING);
        assertThat(outcome("OM11-02", accident(AccidentGrade.GENERAL), ACCIDENT.plusMonths(5))).isEqualTo(Outcome.EXCLUDED);
    }

    @Test
    void anAggravatedFineOfTwoToFiveTimesMeetsSituationThree() {
        ViolationFacts aggravated = new ViolationFacts(ACCIDENT, AccidentGrade.GENERAL, new BigDecimal("2.5"), true);
        Assessment met = CriterionRules.assess(CATALOGUE.get(2), aggravated, List.of());

        assertThat(met.outcome()).isEqualTo(Outcome.MET);
        assertThat(met.reason()).contains("情节特别严重、影响特别恶劣", "2.5倍");
        assertThat(outcome("OM11-03", new ViolationFacts(ACCIDENT, AccidentGrade.GENERAL, BigDecimal.ONE, false)))
                .isEqualTo(Outcome.EXCLUDED);
        assertThat(outcome("OM11-03", new ViolationFacts(ACCIDENT, AccidentGrade.GENERAL, new BigDecimal("2"), false)))
                .isEqualTo(Outcome.EXCLUDED);
        assertThat(outcome("OM11-03", accident(AccidentGrade.GENERAL))).isEqualTo(Outcome.EXCLUDED);
    }

    @Test
    void concealmentAndAbscondingNeedAnAccidentAndTheDecisionsFinding() {
        assertThat(outcome("OM11-04", accident(AccidentGrade.GENERAL))).isEqualTo(Outcome.FINDING_REQUIRED);
        assertThat(outcome("OM11-05", accident(AccidentGrade.LARGER))).isEqualTo(Outcome.FINDING_REQUIRED);
        assertThat(outcome("OM11-04", ViolationFacts.NONE)).isEqualTo(Outcome.EXCLUDED);
    }

    @Test
    void articleSevenAppliesOnlyWithoutAnAccident() {
        assertThat(outcome("OM11-06", ViolationFacts.NONE)).isEqualTo(Outcome.FINDING_REQUIRED);
        assertThat(outcome("OM11-07", ViolationFacts.NONE)).isEqualTo(Outcome.FINDING_REQUIRED);
        assertThat(outcome("OM11-06", accident(AccidentGrade.GENERAL))).isEqualTo(Outcome.EXCLUDED);
    }

    @Test
    void anExcludedCriterionNamesTheFieldsAtFault() {
        Assessment noAccident = CriterionRules.assess(CATALOGUE.get(3), ViolationFacts.NONE, List.of());
        Assessment wrongGrade = CriterionRules.assess(CATALOGUE.get(0), accident(AccidentGrade.GENERAL), List.of());
        Assessment noMultiple = CriterionRules.assess(CATALOGUE.get(2), accident(AccidentGrade.GENERAL), List.of());

        assertThat(noAccident.fields()).containsExactly("accidentDate", "accidentGrade");
        assertThat(wrongGrade.fields()).containsExactly("accidentGrade");
        assertThat(noMultiple.fields()).containsExactly("fineMultiple");
        assertThat(noMultiple.problem()).contains("2 to 5 times");
    }

    @Test
    void suggestionsPutWhatTheFactsMeetFirst() {
        ViolationFacts facts = new ViolationFacts(ACCIDENT, AccidentGrade.MAJOR, new BigDecimal("3"), true);

        List<Assessment> suggestions = CriterionRules.suggest(CATALOGUE, facts, List.of());

        assertThat(suggestions).extracting(Assessment::criterionCode).containsExactly(
                "OM11-01", "OM11-03", "OM11-04", "OM11-05", "OM11-02", "OM11-06", "OM11-07");
        assertThat(suggestions).extracting(Assessment::outcome).containsExactly(Outcome.MET, Outcome.MET,
                Outcome.FINDING_REQUIRED, Outcome.FINDING_REQUIRED, Outcome.EXCLUDED, Outcome.EXCLUDED, Outcome.EXCLUDED);
    }

    @Test
    void withoutAnAccidentOnlyArticleSevenIsSuggested() {
        assertThat(CriterionRules.suggest(CATALOGUE, ViolationFacts.NONE, List.of()))
                .filteredOn(a -> a.outcome() != Outcome.EXCLUDED)
                .extracting(Assessment::criterionCode).containsExactly("OM11-06", "OM11-07");
    }

    @Test
    void aDisabledCriterionIsNeverSuggested() {
        Criterion disabled = new Criterion("OM11-08", 8, "（待核）", "第七条第（三）项", CriterionSource.ORDER_11,
                FactCondition.NO_ACCIDENT, List.of("AJJ"), true, true, false, null, null, false);

        assertThat(CriterionRules.suggest(List.of(disabled), ViolationFacts.NONE, List.of())).isEmpty();
    }
}
