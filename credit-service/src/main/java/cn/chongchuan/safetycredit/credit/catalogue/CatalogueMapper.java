package cn.chongchuan.safetycredit.credit.catalogue;

import cn.chongchuan.safetycredit.credit.catalogue.domain.ChecklistItem;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
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

    void upsertCriterion(@Param("c") Criterion criterion, @Param("now") Instant now);

    List<Criterion> findCriteria();

    Optional<Criterion> findCriterion(String code);

    void upsertChecklistItem(@Param("c") ChecklistItem item, @Param("now") Instant now);

    List<ChecklistItem> findChecklist();

    /** A department row; roles comma-separated. */
    record DepartmentRow(String code, String name, String fullName, String roles) {
    }
}
