package cn.chongchuan.safetycredit.credit.listing.domain;

import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.platform.calendar.WorkingDayCalendar;
import cn.chongchuan.safetycredit.platform.identity.Requester;
import cn.chongchuan.safetycredit.platform.rule.RuleViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A listing: one subject put on the blacklist for one violation, through the lawful procedure
 * (DESIGN §3). The aggregate guards its own rules — who may take its steps, the defence period,
 * the decision's period, when repair may be applied for, and which transitions are legal — and
 * refuses with a {@link RuleViolation} naming the rule. It is immutable: each step returns the
 * listing as it stands after it, which the service saves under the version it loaded.
 *
 * @param notice   the notice served on the party; {@code null} until notified
 * @param decision the listing decision; {@code null} until decided
 * @param endedOn  the day it left the list (or was dropped or revoked)
 * @param version  the optimistic version it was loaded at
 */
public record Listing(
        Long id,
        ListingSubject subject,
        long violationId,
        String criterionCode,
        String departmentCode,
        ListingState state,
        Instant proposedAt,
        PartyNotice notice,
        ListingDecision decision,
        LocalDate endedOn,
        int version,
        Instant updatedAt) {

    /** A listing the system proposes after a violation met a criterion; the department then notifies. */
    public static Listing propose(ListingSubject subject, long violationId, String criterionCode, String department,
            Instant now) {
        return new Listing(null, subject, violationId, criterionCode, department, ListingState.PROPOSED, now, null, null,
                null, 0, now);
    }

    public String subjectKey() {
        return subject.key();
    }

    /** The state as it stands on {@code today}: a listing past its end is EXPIRED even before the job ran. */
    public ListingState stateOn(LocalDate today) {
        if (state.isOnList() && decision != null && decision.period().hasExpiredOn(today)) {
            return ListingState.EXPIRED;
        }
        return state;
    }

    /** Whether the subject is on the list on {@code today} because of this listing. */
    public boolean inForceOn(LocalDate today) {
        return stateOn(today).isOnList() && decision != null && !today.isBefore(decision.listedFrom());
    }

    /** The listing period, once decided. */
    public Optional<ListingPeriod> period() {
        return Optional.ofNullable(decision).map(ListingDecision::period);
    }

    /**
     * Who sees the listing: the department that decides it, the department that recorded the
     * violation it was proposed on (which referred it), and the credit office. For anyone else it
     * does not exist.
     */
    public boolean isVisibleTo(Requester requester, Supplier<Optional<String>> recordingDepartment) {
        return requester.owns(departmentCode) || recordingDepartment.get().filter(requester.department()::equals).isPresent();
    }

    /**
     * Only the department that holds the listing notifies, decides or drops it ("谁处罚、谁决定"), in
     * its enforcement role; to notify or decide it also needs the power the catalogue gives today
     * for the criterion: a holder the catalogue no longer names competent may only drop. The credit
     * office sees the listing but takes none of these steps.
     */
    public void requireDecidingDepartment(Requester requester, Criterion criterion, boolean deciding) {
        boolean holder = departmentCode.equals(requester.department()) && requester.hasRole(Requester.ENFORCEMENT);
        if (!holder && requester.isCreditOffice()) {
            throw NotDecidingDepartment.creditOffice(departmentCode);
        }
        if (!holder || (deciding && !criterion.mayDecide(requester.department()))) {
            throw NotDecidingDepartment.notCompetent(requester.department(), criterion, departmentCode);
        }
    }

    /**
     * Whether a decision may carry {@code decisionDate}: after a notice, not before the notice's
     * date, and only once the defence period is over — counted with the calendar as it stands now —
     * unless the party waived its right in writing.
     */
    public void requireDecidableOn(LocalDate decisionDate, boolean defenceWaived, Supplier<WorkingDayCalendar> calendars,
            int defenceWorkingDays) {
        if (state != ListingState.NOTIFIED) {
            return;
        }
        WorkingDayCalendar calendar = calendars.get();
        if (decisionDate.isBefore(notice.date())) {
            throw RuleViolation.invalid("decisionDate", "is before the notice date " + notice.date());
        }
        LocalDate deadline = notice.defenceDeadlineUnder(calendar, defenceWorkingDays);
        if (!defenceWaived && !decisionDate.isAfter(deadline)) {
            throw new DefencePeriodRunning(deadline);
        }
    }

    /** The period a decision dated {@code decisionDate} lists for; one that would already be over is refused. */
    public static ListingPeriod periodDecidedOn(LocalDate decisionDate, int listingYears, LocalDate today) {
        ListingPeriod period = ListingPeriod.startingOn(decisionDate, listingYears);
        if (period.hasExpiredOn(today)) {
            throw RuleViolation.invalid("decisionDate", "is so long ago that the listing would already have ended");
        }
        return period;
    }

    /**
     * The first day a credit repair may be applied for: the listing must be on the list today, and
     * {@code repairAfterMonths} must have passed since the decision.
     */
    public LocalDate requireRepairable(LocalDate today, int repairAfterMonths) {
        ListingState now = stateOn(today);
        if (!now.isOnList()) {
            throw RuleViolation.conflict("not-listed", "Not on the list",
                    "only a listing that is on the list can be repaired; this one is " + now);
        }
        LocalDate eligible = decision.period().repairEligibleFrom(repairAfterMonths);
        if (today.isBefore(eligible)) {
            throw RuleViolation.conflict("repair-too-early", "Too early for credit repair",
                    "credit repair may be applied for from " + eligible + " (" + repairAfterMonths
                            + " months after the decision)").with("eligibleFrom", eligible.toString());
        }
        return eligible;
    }

    // The steps. Each applies the state machine first: an illegal step names what is allowed instead.

    public Listing notifyParty(PartyNotice served, Instant now) {
        return moved(ListingAction.NOTIFY, now).withNotice(served);
    }

    public Listing decide(String number, ListingPeriod period, Instant now) {
        return moved(ListingAction.DECIDE, now).withDecision(new ListingDecision(number, period.from(), period.until()));
    }

    public Listing drop(LocalDate today, Instant now) {
        return moved(ListingAction.DROP, now).withEndedOn(today);
    }

    public Listing revoke(LocalDate today, Instant now) {
        return moved(ListingAction.REVOKE, now).withEndedOn(today);
    }

    /** The three years are over: it ends on the last day of its period, whenever the job runs. */
    public Listing expire(Instant now) {
        return moved(ListingAction.EXPIRE, now).withEndedOn(decision.listedUntil());
    }

    /** An approved credit repair takes the subject off the list early — not once the listing expired. */
    public Listing approveRepair(LocalDate today, Instant now) {
        if (stateOn(today) == ListingState.EXPIRED) {
            throw new IllegalTransitionException(ListingState.EXPIRED, ListingAction.APPROVE_REPAIR, Set.of(ListingAction.REVOKE));
        }
        return moved(ListingAction.APPROVE_REPAIR, now).withEndedOn(today);
    }

    /** The repair rested on false material: the listing is restored for its original period. */
    public Listing revokeRepair(Instant now) {
        return moved(ListingAction.REVOKE_REPAIR, now).withEndedOn(null);
    }

    private Listing moved(ListingAction action, Instant now) {
        ListingState next = ListingStateMachine.apply(state, action);
        return new Listing(id, subject, violationId, criterionCode, departmentCode, next, proposedAt, notice, decision,
                endedOn, version, now);
    }

    private Listing withNotice(PartyNotice served) {
        return new Listing(id, subject, violationId, criterionCode, departmentCode, state, proposedAt, served, decision,
                endedOn, version, updatedAt);
    }

    private Listing withDecision(ListingDecision decided) {
        return new Listing(id, subject, violationId, criterionCode, departmentCode, state, proposedAt, notice, decided,
                endedOn, version, updatedAt);
    }

    private Listing withEndedOn(LocalDate day) {
        return new Listing(id, subject, violationId, criterionCode, departmentCode, state, proposedAt, notice, decision,
                day, version, updatedAt);
    }
}
