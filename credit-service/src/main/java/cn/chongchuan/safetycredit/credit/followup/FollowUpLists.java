package cn.chongchuan.safetycredit.credit.followup;

import java.time.LocalDate;
import java.util.List;

/** The lists of the follow-up: overdue visits, key supervision, public typical cases. */
public final class FollowUpLists {

    private FollowUpLists() {
    }

    public record OverdueVisit(long violationId, String caseNumber, String department, String uscc, String unitName,
                               int visit, LocalDate dueOn, long daysOverdue) {
    }

    public record Supervised(long violationId, String caseNumber, String department, String uscc, String unitName,
                             LocalDate from, LocalDate until) {
    }

    /** A typical case as the public sees it: the unit, the violation, the warning; persons masked. */
    public record TypicalCase(long violationId, String unitName, String uscc, String criterionTitle,
                              String department, LocalDate decisionDate, String decisionNumber, String warning,
                              List<TypicalPerson> persons) {
    }

    /** A responsible person, masked: the first character of the name and the masked ID number. */
    public record TypicalPerson(String name, String maskedIdNumber, String responsibility) {
    }
}
