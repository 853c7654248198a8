package cn.chongchuan.safetycredit.credit.followup.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan of a case, fixed when the case is recorded: return visits due at the configured
 * offsets after the penalty decision (default +1, +3, +6 months) and key supervision from the
 * decision date for the configured period.
 */
public record FollowUpSchedule(List<Period> visitOffsets, Period keySupervisionPeriod) {

    public FollowUpSchedule {
        visitOffsets = List.copyOf(visitOffsets);
        if (visitOffsets.isEmpty() || visitOffsets.stream().anyMatch(p -> p.isNegative() || p.isZero())) {
            throw new IllegalArgumentException("visit offsets must be positive periods, at least one");
        }
        if (keySupervisionPeriod.isNegative() || keySupervisionPeriod.isZero()) {
            throw new IllegalArgumentException("the key-supervision period must be positive");
        }
    }

    /** The visits of a case decided on {@code caseDate}, numbered from 1 in the order of their due dates. */
    public List<Visit> visitsFor(LocalDate caseDate) {
        List<LocalDate> due = visitOffsets.stream().map(caseDate::plus).sorted().toList();
        List<Visit> visits = new ArrayList<>(due.size());
        for (int i = 0; i < due.size(); i++) {
            visits.add(Visit.scheduled(i + 1, due.get(i)));
        }
        return visits;
    }

    /** Key supervision of the case's unit: from the decision date, for the configured period. */
    public KeySupervision keySupervisionFor(LocalDate caseDate) {
        return new KeySupervision(caseDate, caseDate.plus(keySupervisionPeriod));
    }
}
