package cn.chongchuan.safetycredit.credit.violation.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a penalty decision records about its accident and its fine, from which the listing criteria
 * are decided: the accident's date and grade (none without an accident), the fine as a multiple of
 * the amount of 安全生产法第一百一十四条第一款, and whether the decision finds the accident
 * 情节特别严重、影响特别恶劣 (the condition of that article's 第二款).
 */
public record ViolationFacts(LocalDate accidentDate, AccidentGrade accidentGrade, BigDecimal fineMultiple,
                             boolean especiallySerious) {

    /** 安全生产法第一百一十四条第二款: 2 to 5 times the amount of 第一款. */
    public static final BigDecimal AGGRAVATED_MIN = new BigDecimal("2");
    public static final BigDecimal AGGRAVATED_MAX = new BigDecimal("5");

    public static final ViolationFacts NONE = new ViolationFacts(null, null, null, false);

    /** Whether the violation records an accident (both date and grade). */
    public boolean hasAccident() {
        return accidentDate != null && accidentGrade != null;
    }

    /** Whether the fine is 2 to 5 times the amount of 第一百一十四条第一款. */
    public boolean hasAggravatedFine() {
        return fineMultiple != null && fineMultiple.compareTo(AGGRAVATED_MIN) >= 0
                && fineMultiple.compareTo(AGGRAVATED_MAX) <= 0;
    }

    /**
     * The contradictions within the facts, each naming the request field at fault; {@code decisionDate}
     * may be null (then it is not compared).
     */
    public List<FactProblem> problems(LocalDate decisionDate, LocalDate today) {
        List<FactProblem> problems = new ArrayList<>();
        if (accidentGrade != null && accidentDate == null) {
            problems.add(new FactProblem("accidentDate", "is required with accidentGrade: the day the accident happened"));
        }
        if (accidentDate != null && accidentGrade == null) {
            problems.add(new FactProblem("accidentGrade", "is required with accidentDate: GENERAL (一般), LARGER (较大), "
                    + "MAJOR (重大) or ESPECIALLY_MAJOR (特别重大), as the investigation report grades it"));
        }
        if (accidentDate != null && accidentDate.isAfter(today)) {
            problems.add(new FactProblem("accidentDate", "is in the future"));
        } else if (accidentDate != null && decisionDate != null && accidentDate.isAfter(decisionDate)) {
            problems.add(new FactProblem("accidentDate", "is after the decision date " + decisionDate
                    + ": a penalty for an accident comes after it"));
        }
        if (fineMultiple != null) {
            if (fineMultiple.signum() <= 0) {
                problems.add(new FactProblem("fineMultiple", "must be greater than 0"));
            } else if (fineMultiple.compareTo(AGGRAVATED_MAX) > 0) {
                problems.add(new FactProblem("fineMultiple", "is more than 5: 安全生产法第一百一十四条第二款 allows at "
                        + "most 5 times the amount of its 第一款"));
            } else if (accidentGrade == null) {
                problems.add(new FactProblem("fineMultiple", "is a multiple of the fine for an accident "
                        + "(安全生产法第一百一十四条): record the accident (accidentDate, accidentGrade) too"));
            } else if (fineMultiple.compareTo(AGGRAVATED_MIN) >= 0 && !especiallySerious) {
                problems.add(new FactProblem("especiallySerious", "must be true with a fine of 2 or more times: "
                        + "安全生产法第一百一十四条第二款 allows it only for an accident 情节特别严重、影响特别恶劣"));
            }
        }
        if (especiallySerious && accidentGrade == null) {
            problems.add(new FactProblem("especiallySerious", "is a finding about an accident: record the accident "
                    + "(accidentDate, accidentGrade) too"));
        }
        return problems;
    }

    /** One contradiction: the request field at fault and why. */
    public record FactProblem(String field, String reason) {
    }
}
