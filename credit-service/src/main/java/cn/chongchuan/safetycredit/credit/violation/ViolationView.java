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
        Unit unit,
        List<Person> persons,
        int currentVersion,
        List<Version> versions,
        Evaluation evaluation,
        List<ListingRef> listings) {

    public record Criterion(String code, String title) {
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

    /** Whether the violation met its criterion; for a count-based one, how many counted. */
    public record Evaluation(boolean criterionMet, int violationsInWindow, Integer threshold, Integer windowMonths) {
    }

    public record ListingRef(long listingId, String subjectType, String subjectName, String state) {
    }
}
