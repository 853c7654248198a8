package cn.chongchuan.safetycredit.credit.disclosure;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDate;
import java.util.List;

/** Reads the published part of the blacklist. */
@Mapper
interface DisclosureMapper {

    List<PublicListing> search(@Param("today") LocalDate today, @Param("name") String escapedName,
            @Param("subjectKey") String subjectKey, @Param("limit") int limit, @Param("offset") long offset);

    long count(@Param("today") LocalDate today, @Param("name") String escapedName, @Param("subjectKey") String subjectKey);
}
