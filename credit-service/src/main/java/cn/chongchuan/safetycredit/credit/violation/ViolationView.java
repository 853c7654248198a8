package cn.chongchuan.safetycredit.credit.violation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A violation as its department and the credit office see it: current version, all versions, listings. */
public record ViolationView(
        long id,
        String department,
        String caseNumber,
        Criterion criterion,
        Facts facts,
        Unit unit,
        List<Person> persons,
        int currentVersion,
        List<Version> versions,
        Evaluation evaluation,
        List<ListingRef> listings) {

    public record Criterion(String code, String title, String legalBasis) {
    }

    /**
     * What the decision records about its accident and fine: accident date and grade (with the
     * regulation's name of the grade), the fine as a multiple of 安全生产法第一百一十四条第一款, the finding
     * 情节特别严重、影响特别恶劣.
     */
    public record Facts(LocalDate accidentDate, String accidentGrade, String accidentGradeLabel, BigDecimal fineMultiple,
                        boolean especiallySerious) {
    }

    /** {@code name} as this case states it; {@code registeredName} as the register keeps it today. */
    public record Unit(String uscc, String name, String registeredName) {
    }

    /** {@code personId} is the opaque public id; {@code name} as this case states it. */
    public record Person(String personId, String name, String maskedIdNumber, String responsibility) {
    }

    public record Version(int version, String decisionNumber, LocalDate decisionDate, String description,
                          BigDecimal fineAmount, String correctionReason, String recordedBy, Instant recordedAt) {
    }

    /**
     * How the facts stand to the criterion (CriterionRules), as of now: {@code outcome} MET,
     * FINDING_REQUIRED, COUNTING (or NOT_ASSESSED for a case recorded before facts were); for a
     * count-based criterion the accidents counted ({@code violationsInWindow} is their number, this
     * one included, whichever was recorded first) and whether they were already counted in an
     * earlier proposal, so that this case proposed nothing again.
     */
    public record Evaluation(boolean criterionMet, String outcome, String reason, int violationsInWindow, Integer threshold,
                             Integer windowMonths, List<LocalDate> accidentsInWindow, boolean alreadyCounted) {
    }

    /** A listing proposed on this violation, with the department that decides it. */
    public record ListingRef(long listingId, String subjectType, String subjectName, String state, String department) {
    }
}
