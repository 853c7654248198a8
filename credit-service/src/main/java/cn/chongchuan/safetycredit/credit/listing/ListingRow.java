package cn.chongchuan.safetycredit.credit.listing;

import cn.chongchuan.safetycredit.credit.listing.domain.ListingPeriod;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingState;

import java.time.Instant;
import java.time.LocalDate;

/** A listing as stored: one subject, one violation, its state and dates, and an optimistic version. */
public record ListingRow(
        Long id,
        String subjectType,
        String subjectKey,
        Long unitId,
        Long personId,
        long violationId,
        String criterionCode,
        String departmentCode,
        ListingState state,
        Instant proposedAt,
        LocalDate noticeDate,
        LocalDate servedOn,
        String serviceMethod,
        LocalDate defenceDeadline,
        String decisionNumber,
        LocalDate listedFrom,
        LocalDate listedUntil,
        LocalDate endedOn,
        int version,
        Instant updatedAt) {

    /** The state as it stands on {@code today}: a listing past its end is EXPIRED even before the job ran. */
    public ListingState stateOn(LocalDate today) {
        if (state.isOnList() && listedUntil != null && new ListingPeriod(listedFrom, listedUntil).hasExpiredOn(today)) {
            return ListingState.EXPIRED;
        }
        return state;
    }

    public ListingPeriod period() {
        return new ListingPeriod(listedFrom, listedUntil);
    }

    ListingRow withState(ListingState next, Instant now) {
        return new ListingRow(id, subjectType, subjectKey, unitId, personId, violationId, criterionCode, departmentCode,
                next, proposedAt, noticeDate, servedOn, serviceMethod, defenceDeadline, decisionNumber, listedFrom, listedUntil,
                endedOn, version, now);
    }

    ListingRow withNotice(LocalDate date, LocalDate served, String method, LocalDate deadline) {
        return new ListingRow(id, subjectType, subjectKey, unitId, personId, violationId, criterionCode, departmentCode,
                state, proposedAt, date, served, method, deadline, decisionNumber, listedFrom, listedUntil, endedOn,
                version, updatedAt);
    }

    ListingRow withDecision(String number, ListingPeriod period) {
        return new ListingRow(id, subjectType, subjectKey, unitId, personId, violationId, criterionCode, departmentCode,
                state, proposedAt, noticeDate, servedOn, serviceMethod, defenceDeadline, number, period.from(), period.until(),
                endedOn, version, updatedAt);
    }

    ListingRow withEndedOn(LocalDate day) {
        return new ListingRow(id, subjectType, subjectKey, unitId, personId, violationId, criterionCode, departmentCode,
                state, proposedAt, noticeDate, servedOn, serviceMethod, defenceDeadline, decisionNumber, listedFrom, listedUntil,
                day, version, updatedAt);
    }
}
