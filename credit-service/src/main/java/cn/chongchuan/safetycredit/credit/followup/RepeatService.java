package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.catalogue.CatalogueService;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.OccurrenceRow;
import cn.chongchuan.safetycredit.credit.followup.FollowUpMapper.PlanRow;
import cn.chongchuan.safetycredit.credit.followup.domain.RepeatDetection;
import cn.chongchuan.safetycredit.credit.followup.domain.RepeatDetection.Occurrence;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static cn.chongchuan.safetycredit.credit.followup.FollowUpRequests.blankToNull;

/**
 * Repeat detection over the recorded cases ("the same violation recurring in the same area"): the
 * repeat flag of one case for its page, and the report by area and criterion over a period.
 */
@Service
class RepeatService {

    private final FollowUpMapper mapper;
    private final CatalogueService catalogue;
    private final FollowUpProperties properties;
    private final FollowUpClock clock;

    RepeatService(FollowUpMapper mapper, CatalogueService catalogue, FollowUpProperties properties, FollowUpClock clock) {
        this.mapper = mapper;
        this.catalogue = catalogue;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether earlier cases of the plan's area and criterion lie within the window before its decision. */
    FollowUpView.Repeat repeatOf(PlanRow plan, LocalDate decisionDate) {
        int window = properties.repeatWindowMonths();
        Occurrence self = new Occurrence(plan.violationId(), plan.areaCode(), plan.criterionCode(), decisionDate);
        List<Occurrence> nearby = occurrences(decisionDate.minusMonths(window), decisionDate, null, plan.areaCode(),
                plan.criterionCode());
        int earlier = RepeatDetection.earlierInWindow(self, nearby, window);
        return new FollowUpView.Repeat(earlier > 0, earlier, window);
    }

    /** Repeat violations by area and criterion over the months {@code from}..{@code to} (default: the last 12). */
    public RepeatReport repeatReport(YearMonth from, YearMonth to, String department, String area, String criterion) {
        YearMonth end = to != null ? to : YearMonth.from(clock.today());
        YearMonth start = from != null ? from : end.minusMonths(11);
        if (end.isBefore(start)) {
            throw ApiException.badField("to", "is before from");
        }
        if (start.plusMonths(properties.reportMaxMonths()).isBefore(end.plusMonths(1))) {
            throw ApiException.badField("from", "makes the report longer than " + properties.reportMaxMonths() + " months");
        }
        if (area != null && !area.matches("[0-9]{6}")) {
            throw ApiException.badField("area", "must be a 6-digit administrative division code");
        }
        int window = properties.repeatWindowMonths();
        // The window before the period is read too: its cases make the period's first cases repeats.
        List<Occurrence> occurrences = occurrences(start.atDay(1).minusMonths(window), end.atEndOfMonth(),
                blankToNull(department), area, blankToNull(criterion));
        List<String> months = new ArrayList<>();
        for (YearMonth m = start; !m.isAfter(end); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        Map<String, String> titles = catalogue.criteria().stream()
                .collect(Collectors.toMap(Criterion::code, Criterion::title));
        List<RepeatReport.Row> rows = RepeatDetection.report(occurrences, start, end, window).stream()
                .map(r -> {
                    Map<String, Integer> counts = new LinkedHashMap<>();
                    r.perMonth().forEach((m, c) -> counts.put(m.toString(), c));
                    return new RepeatReport.Row(r.areaCode(), r.criterionCode(), titles.get(r.criterionCode()), counts,
                            r.total(), r.repeats(), r.flagged());
                })
                .toList();
        return new RepeatReport(start, end, window, blankToNull(department), area, blankToNull(criterion), months, rows);
    }

    private List<Occurrence> occurrences(LocalDate since, LocalDate until, String department, String area,
            String criterion) {
        return mapper.findOccurrences(since, until, department, area, criterion).stream()
                .map(RepeatService::occurrence).toList();
    }

    private static Occurrence occurrence(OccurrenceRow row) {
        return new Occurrence(row.violationId(), row.areaCode(), row.criterionCode(), row.decisionDate());
    }
}
