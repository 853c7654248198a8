package cn.chongchuan.safetycredit.sanction.measure;

import cn.chongchuan.safetycredit.sanction.department.DepartmentService;
import cn.chongchuan.safetycredit.sanction.measure.internal.MeasureMapper;
import cn.chongchuan.safetycredit.sanction.support.SanctionProblems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The measure catalogue: what each department applies, served to credit-service and the fan-out. */
@Service
public class MeasureService {

    private final MeasureMapper measures;
    private final DepartmentService departments;
    private final Clock clock;

    MeasureService(MeasureMapper measures, DepartmentService departments, Clock clock) {
        this.measures = measures;
        this.departments = departments;
        this.clock = clock;
    }

    /** The catalogue, optionally narrowed to one department and/or one subject type. */
    public List<Measure> catalogue(String department, String subjectType) {
        return measures.find(department, subjectType);
    }

    /** The measures of these codes that are in the catalogue, by code. */
    public List<Measure> findByCodes(List<String> codes) {
        return codes.isEmpty() ? List.of() : measures.findByCodes(codes);
    }

    /** Inserts or updates an entry of the seed file, by code. */
    @Transactional
    public void loadSeed(Measure measure, Instant at) {
        measures.upsert(measure, at);
    }

    @Transactional
    public Measure defineMeasure(String code, MeasureRequest request) {
        if (departments.findIfPresent(request.department()).isEmpty()) {
            throw SanctionProblems.invalid("department", "is not a registered department");
        }
        Measure measure = new Measure(code, request.title().trim(), request.department(), request.legalBasis().trim(),
                request.subjectTypes().stream().sorted(java.util.Comparator.reverseOrder()).toList());
        measures.upsert(measure, clock.instant());
        return measure;
    }
}
