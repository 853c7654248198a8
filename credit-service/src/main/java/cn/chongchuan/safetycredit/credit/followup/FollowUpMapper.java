package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.followup.domain.FollowUpEventKind;
import cn.chongchuan.safetycredit.credit.followup.domain.KeySupervision;
import cn.chongchuan.safetycredit.credit.followup.domain.ReminderChannel;
import cn.chongchuan.safetycredit.credit.followup.domain.Visit;
import cn.chongchuan.safetycredit.credit.followup.domain.VisitOutcome;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Follow-up plans, their visits, checklist reminders and history; the reads of the lists and the repeat report. */
@Mapper
interface FollowUpMapper {

    void insertPlan(NewPlan plan);

    Optional<PlanRow> findPlan(long violationId);

    /** Locks the plan so that steps of one case are taken one at a time. */
    Optional<PlanRow> lockPlan(long violationId);

    /** A visit as scheduled: due, not yet recorded. */
    void insertVisit(@Param("violationId") long violationId, @Param("department") String department,
            @Param("visit") Visit visit);

    List<VisitRow> findVisits(long violationId);

    int recordVisit(@Param("violationId") long violationId, @Param("n") int n, @Param("visitedOn") LocalDate visitedOn,
            @Param("outcome") VisitOutcome outcome, @Param("note") String note, @Param("by") String department,
            @Param("at") Instant at);

    void insertReminder(ReminderRow reminder);

    List<ReminderRow> findReminders(long violationId);

    int recordCommitment(@Param("violationId") long violationId, @Param("signedOn") LocalDate signedOn,
            @Param("text") String text, @Param("document") String document, @Param("by") String department,
            @Param("at") Instant at);

    void setTypical(@Param("violationId") long violationId, @Param("typical") boolean typical,
            @Param("warning") String warning, @Param("since") Instant since);

    void insertEvent(EventRow event);

    List<EventRow> findEvents(long violationId);

    /** Unrecorded visits due before {@code today}, oldest first; all departments when {@code department} is null. */
    List<OverdueRow> findOverdueVisits(@Param("department") String department, @Param("today") LocalDate today,
            @Param("limit") int limit, @Param("offset") int offset);

    /** Cases whose key supervision runs on {@code today}, the soonest ending first. */
    List<SupervisionRow> findUnderSupervision(@Param("department") String department, @Param("today") LocalDate today,
            @Param("limit") int limit, @Param("offset") int offset);

    /** Typical cases, newest first, with what the public list shows of each (its persons apart). */
    List<TypicalCaseRow> findTypicalCases(@Param("limit") int limit, @Param("offset") int offset);

    /** The responsible persons of the given cases, in each case's order (the principal first). */
    List<CasePersonRow> findPersonsOfCases(@Param("violationIds") List<Long> violationIds);

    long countTypical();

    /** Cases (current decision date) in the date range, for repeat detection; filters are optional. */
    List<OccurrenceRow> findOccurrences(@Param("since") LocalDate since, @Param("until") LocalDate until,
            @Param("department") String department, @Param("area") String area, @Param("criterion") String criterion);

    /** A plan as it is opened: nothing recorded on it yet, not typical. */
    record NewPlan(long violationId, String departmentCode, String subjectKey, String areaCode, String criterionCode,
                   LocalDate caseDate, KeySupervision supervision, Instant openedAt) {
    }

    /**
     * The follow-up plan of one case as the steps read it: what opening fixed (the case's area,
     * criterion and decision date, the key supervision), the typical mark, the commitment (null
     * until it is recorded).
     */
    record PlanRow(long violationId, String areaCode, String criterionCode, LocalDate caseDate,
                   KeySupervision supervision, TypicalMark typical, CommitmentLetter commitment) {
    }

    /** Whether the credit office has marked the case typical: its public warning and since when. */
    record TypicalMark(boolean marked, String warning, Instant since) {
    }

    /** The unit's commitment letter as recorded: signed on, its text and/or document, by whom and when. */
    record CommitmentLetter(LocalDate signedOn, String text, String documentRef, String recordedBy,
                            Instant recordedAt) {
    }

    record VisitRow(long violationId, int n, String departmentCode, LocalDate dueOn, LocalDate visitedOn,
                    VisitOutcome outcome, String note, String recordedBy, Instant recordedAt) {
    }

    record ReminderRow(Long id, long violationId, LocalDate sentOn, ReminderChannel channel, String items, String note,
                       String recordedBy, Instant recordedAt) {
    }

    record EventRow(Long id, long violationId, FollowUpEventKind kind, String actorDepartment, String actorRole,
                    Instant occurredAt, String detail) {
    }

    record OverdueRow(long violationId, int n, String departmentCode, LocalDate dueOn, String caseNumber,
                      String uscc, String unitName) {
    }

    record SupervisionRow(long violationId, String departmentCode, String caseNumber, String uscc, String unitName,
                          LocalDate supervisionFrom, LocalDate supervisionUntil) {
    }

    /** A typical case: the unit as the case names it, the current decision, the deciding department's code. */
    record TypicalCaseRow(long violationId, String unitName, String uscc, String criterionCode, String departmentCode,
                          LocalDate decisionDate, String decisionNumber, String warning) {
    }

    /** A responsible person of a case, as the case names them, with the masked ID number. */
    record CasePersonRow(long violationId, String name, String maskedIdNumber, String responsibility) {
    }

    record OccurrenceRow(long violationId, String areaCode, String criterionCode, LocalDate decisionDate) {
    }
}
