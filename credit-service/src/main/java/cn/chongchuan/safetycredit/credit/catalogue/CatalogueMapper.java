package cn.chongchuan.safetycredit.credit.catalogue;

import cn.chongchuan.safetycredit.credit.catalogue.domain.ChecklistItem;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.credit.catalogue.domain.CriterionSource;
import cn.chongchuan.safetycredit.credit.catalogue.domain.FactCondition;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The department, criterion and obligations checklist catalogues. */
@Mapper
interface CatalogueMapper {

    void upsertDepartment(@Param("code") String code, @Param("name") String name, @Param("fullName") String fullName,
            @Param("roles") String roles, @Param("now") Instant now);

    List<DepartmentRow> findDepartments();

    /** Competent departments comma-separated, as department roles are. */
    void upsertCriterion(@Param("c") Criterion criterion, @Param("competentDepartments") String competentDepartments,
            @Param("accidentRelated") boolean accidentRelated, @Param("now") Instant now);

    List<CriterionRow> findCriteria();

    Optional<CriterionRow> findCriterion(String code);

    void upsertChecklistItem(@Param("c") ChecklistItem item, @Param("now") Instant now);

    List<ChecklistItem> findChecklist();

    /** A criterion row; competent departments comma-separated. */
    record CriterionRow(String code, int situation, String title, String legalBasis, CriterionSource source,
                        FactCondition condition, String competentDepartments, boolean listsUnit, boolean listsPrincipal,
                        boolean listsOtherPersons, Integer countThreshold, Integer windowMonths, boolean enabled) {

        Criterion toCriterion() {
            return new Criterion(code, situation, title, legalBasis, source, condition,
                    competentDepartments.isBlank() ? List.of() : List.of(competentDepartments.split(",")), listsUnit,
                    listsPrincipal, listsOtherPersons, countThreshold, windowMonths, enabled);
        }
    }

    /** A department row; roles comma-separated. */
    record DepartmentRow(String code, String name, String fullName, String roles) {
    }
}
