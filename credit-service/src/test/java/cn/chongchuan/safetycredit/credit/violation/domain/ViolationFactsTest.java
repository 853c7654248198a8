package cn.chongchuan.safetycredit.credit.violation.domain;

import cn.chongchuan.safetycredit.credit.violation.domain.ViolationFacts.FactProblem;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ViolationFactsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);
    private static final LocalDate DECIDED = LocalDate.of(2026, 11, 20);

    private static List<String> fieldsAtFault(ViolationFacts facts) {
        return facts.problems(DECIDED, TODAY).stream().map(FactProblem::field).toList();
    }

    @Test
    void noFactsAreFine() {
        assertThat(fieldsAtFault(ViolationFacts.NONE)).isEmpty();
    }

    @Test
    void anAccidentWithDateGradeAndAnAggravatedFineIsFine() {
        assertThat(fieldsAtFault(new ViolationFacts(LocalDate.of(2026, 9, 1), AccidentGrade.GENERAL, new BigDecimal("2.5"), true)))
                .isEmpty();
    }

    @Test
    void aGradeWithoutADateAndADateWithoutAGradeAreNamed() {
        assertThat(fieldsAtFault(new ViolationFacts(null, AccidentGrade.LARGER, null, false))).containsExactly("accidentDate");
        assertThat(fieldsAtFault(new ViolationFacts(LocalDate.of(2026, 9, 1), null, null, false))).containsExactly("accidentGrade");
    }

    @Test
    void anAccidentDateInTheFutureOrAfterTheDecisionIsNamed() {
        assertThat(fieldsAtFault(new ViolationFacts(TODAY.plusDays(1), AccidentGrade.GENERAL, null, false)))
                .containsExactly("accidentDate");
        assertThat(new ViolationFacts(DECIDED.plusDays(1), AccidentGrade.GENERAL, null, false).problems(DECIDED, TODAY))
                .singleElement().satisfies(p -> assertThat(p.reason()).contains("after the decision date"));
    }

    @Test
    void aMultipleOfZeroOrLessOrAboveFiveIsNamed() {
        LocalDate accident = LocalDate.of(2026, 9, 1);
        assertThat(fieldsAtFault(new ViolationFacts(accident, AccidentGrade.GENERAL, BigDecimal.ZERO, true))).containsExactly("fineMultiple");
        assertThat(fieldsAtFault(new ViolationFacts(accident, AccidentGrade.GENERAL, new BigDecimal("-1"), true))).containsExactly("fineMultiple");
        assertThat(fieldsAtFault(new ViolationFacts(accident, AccidentGrade.GENERAL, new BigDecimal("5.01"), true))).containsExactly("fineMultiple");
    }

    @Test
    void aMultipleOrTheAggravationWithoutAnAccidentIsNamed() {
        assertThat(fieldsAtFault(new ViolationFacts(null, null, new BigDecimal("2"), true)))
                .containsExactly("fineMultiple", "especiallySerious");
    }

    @Test
    void twoTimesOrMoreNeedsTheFindingThatAllowsIt() {
        assertThat(fieldsAtFault(new ViolationFacts(LocalDate.of(2026, 9, 1), AccidentGrade.GENERAL, new BigDecimal("2"), false)))
                .containsExactly("especiallySerious");
        assertThat(fieldsAtFault(new ViolationFacts(LocalDate.of(2026, 9, 1), AccidentGrade.GENERAL, BigDecimal.ONE, false)))
                .isEmpty();
    }
}
