package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.followup.FollowUpLists.OverdueVisit;
import cn.chongchuan.safetycredit.credit.followup.FollowUpLists.Supervised;
import cn.chongchuan.safetycredit.credit.followup.domain.Visit;
import cn.chongchuan.safetycredit.platform.web.Caller;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;

/**
 * The work lists of the follow-up, as of today: return visits past their due day, and the units
 * under key supervision (重点监管). ENFORCEMENT sees its own department's, ADMIN all or one department's.
 */
@Service
class FollowUpListService {

    private final FollowUpMapper mapper;
    private final FollowUpClock clock;

    FollowUpListService(FollowUpMapper mapper, FollowUpClock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Visits past their due day and not recorded, oldest first. */
    public List<OverdueVisit> overdueVisits(Caller caller, String department, int page, int size) {
        LocalDate today = clock.today();
        return mapper.findOverdueVisits(scope(caller, department), today, size, page * size).stream()
                .map(r -> new OverdueVisit(r.violationId(), r.caseNumber(), r.departmentCode(), r.uscc(), r.unitName(),
                        r.n(), r.dueOn(), Visit.scheduled(r.n(), r.dueOn()).daysOverdueOn(today)))
                .toList();
    }

    /** The key-supervision list on today, the soonest ending first. */
    public List<Supervised> underKeySupervision(Caller caller, String department, int page, int size) {
        return mapper.findUnderSupervision(scope(caller, department), clock.today(), size, page * size).stream()
                .map(r -> new Supervised(r.violationId(), r.caseNumber(), r.departmentCode(), r.uscc(), r.unitName(),
                        r.supervisionFrom(), r.supervisionUntil()))
                .toList();
    }

    /** ENFORCEMENT sees its own department only; ADMIN all, or the department it names. */
    private static String scope(Caller caller, String department) {
        if (department == null || department.isBlank()) {
            return caller.hasRole("ADMIN") ? null : caller.department();
        }
        // Another department's follow-ups answer as sanction-service's other inboxes do: 404, as if absent.
        caller.requireOwns(department, "follow-ups of department " + department);
        return department;
    }
}
