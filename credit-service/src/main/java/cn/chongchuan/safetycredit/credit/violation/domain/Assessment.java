package cn.chongchuan.safetycredit.credit.violation.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * How a violation's facts stand to one criterion: the outcome, a reason for the officer (in the
 * language of the console), and for an excluded criterion the request fields at fault and the
 * problem as the API states it; for a count-based criterion the accident dates that count.
 */
public record Assessment(String criterionCode, Outcome outcome, String reason, List<String> fields, String problem,
                         List<LocalDate> countedAccidents) {

    public Assessment {
        fields = fields == null ? List.of() : List.copyOf(fields);
        countedAccidents = countedAccidents == null ? List.of() : List.copyOf(countedAccidents);
    }

    static Assessment met(String code, String reason, List<LocalDate> counted) {
        return new Assessment(code, Outcome.MET, reason, List.of(), null, counted);
    }

    static Assessment findingRequired(String code, String reason) {
        return new Assessment(code, Outcome.FINDING_REQUIRED, reason, List.of(), null, List.of());
    }

    static Assessment counting(String code, String reason, List<LocalDate> counted) {
        return new Assessment(code, Outcome.COUNTING, reason, List.of(), null, counted);
    }

    static Assessment excluded(String code, String reason, List<String> fields, String problem) {
        return new Assessment(code, Outcome.EXCLUDED, reason, fields, problem, List.of());
    }

    /** What the facts say about a criterion. */
    public enum Outcome {

        /** The facts meet the criterion: recording the violation under it proposes the listings. */
        MET,
        /**
         * The facts allow the criterion; what decides it (瞒报、谎报, operating without a licence …) is
         * the penalty decision's finding, which the officer confirms by choosing the criterion.
         */
        FINDING_REQUIRED,
        /** A count-based criterion not reached yet: the violation counts, a later one may complete it. */
        COUNTING,
        /** The facts rule the criterion out: a violation cannot be recorded under it. */
        EXCLUDED;

        /** Whether recording a violation under the criterion proposes listings now. */
        public boolean proposesListing() {
            return this == MET || this == FINDING_REQUIRED;
        }
    }
}
