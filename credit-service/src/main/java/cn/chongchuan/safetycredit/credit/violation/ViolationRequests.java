package cn.chongchuan.safetycredit.credit.violation;

import cn.chongchuan.safetycredit.credit.subject.PublicName;
import cn.chongchuan.safetycredit.credit.violation.domain.AccidentGrade;
import cn.chongchuan.safetycredit.credit.violation.domain.ViolationFacts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Request bodies of the violation API. */
final class ViolationRequests {

    /** Printable text without control characters (no header or log injection through free text). */
    static final String PLAIN_TEXT = "^[^\\p{Cntrl}]*$";

    private ViolationRequests() {
    }

    /**
     * A penalty decision as the enforcing department records it, with the facts its criterion is
     * decided from: the accident (date and grade; none without an accident), the fine as a multiple
     * of the amount of 安全生产法第一百一十四条第一款, and the finding 情节特别严重、影响特别恶劣. A department
     * without the power to decide listings under the criterion may name the competent department its
     * listings go to ({@code decidingDepartment}); otherwise the catalogue's first one decides.
     */
    record RecordViolation(
            @NotBlank @Size(max = 64) @Pattern(regexp = PLAIN_TEXT) String caseNumber,
            @NotBlank @Size(max = 80) @PublicName String decisionNumber,
            @NotNull LocalDate decisionDate,
            @NotBlank @Size(max = 16) String criterionCode,
            @NotBlank @Size(max = 2000) String description,
            @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal fineAmount,
            LocalDate accidentDate,
            AccidentGrade accidentGrade,
            @Digits(integer = 3, fraction = 2) BigDecimal fineMultiple,
            Boolean especiallySerious,
            @Size(max = 16) String decidingDepartment,
            @NotNull @Valid UnitRef unit,
            @Size(max = 30) List<@NotNull @Valid PersonRef> persons) {

        List<PersonRef> personsOrEmpty() {
            return persons == null ? List.of() : persons;
        }

        ViolationFacts facts() {
            return new ViolationFacts(accidentDate, accidentGrade, fineMultiple, Boolean.TRUE.equals(especiallySerious));
        }
    }

    /**
     * The facts of a violation about to be recorded, to have the criteria they decide proposed
     * (nothing is recorded); {@code uscc}, if given, adds the unit's recorded 较大 accidents.
     */
    record SuggestCriteria(
            @Size(max = 18) String uscc,
            LocalDate decisionDate,
            LocalDate accidentDate,
            AccidentGrade accidentGrade,
            @Digits(integer = 3, fraction = 2) BigDecimal fineMultiple,
            Boolean especiallySerious) {

        ViolationFacts facts() {
            return new ViolationFacts(accidentDate, accidentGrade, fineMultiple, Boolean.TRUE.equals(especiallySerious));
        }
    }

    /** The penalised unit, with its name as this case states it (the register keeps its own name). */
    record UnitRef(
            @NotBlank @Size(max = 18) String uscc,
            @NotBlank @Size(max = 200) @PublicName String name) {
    }

    /** A person held responsible: 主要负责人 (PRINCIPAL) or another responsible person (OTHER). */
    record PersonRef(
            @NotBlank @Size(max = 60) @PublicName String name,
            @NotBlank @Size(max = 18) String idNumber,
            @NotNull Responsibility responsibility) {

        /** Never the ID number, so a logged request cannot leak it. */
        @Override
        public String toString() {
            return "PersonRef[name=" + name + ", responsibility=" + responsibility + "]";
        }
    }

    /** What a person answers for. */
    enum Responsibility { PRINCIPAL, OTHER }

    /** A correction: a new version of the decision, with the reason; the old version stays readable. */
    record CorrectViolation(
            @NotBlank @Size(max = 80) @PublicName String decisionNumber,
            @NotNull LocalDate decisionDate,
            @NotBlank @Size(max = 2000) String description,
            @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal fineAmount,
            @NotBlank @Size(max = 500) String reason) {
    }
}
