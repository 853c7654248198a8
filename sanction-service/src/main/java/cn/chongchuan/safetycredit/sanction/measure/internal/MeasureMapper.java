package cn.chongchuan.safetycredit.sanction.measure.internal;

import cn.chongchuan.safetycredit.sanction.measure.Measure;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The measure table (the joint-sanction catalogue), owned by the measure module. */
@Mapper
public interface MeasureMapper {

    int upsert(@Param("measure") Measure measure, @Param("updatedAt") Instant updatedAt);

    /** The catalogue, optionally narrowed to one department and/or one subject type. */
    List<Measure> find(@Param("department") String department, @Param("subjectType") String subjectType);

    Optional<Measure> findByCode(@Param("code") String code);

    List<Measure> findByCodes(@Param("codes") List<String> codes);
}
