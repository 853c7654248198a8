package cn.chongchuan.safetycredit.credit.disclosure;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.LocalDate;
import java.util.List;

/**
 * Reads the published part of the blacklist from the read contracts of listing, subject and
 * catalogue (V14): the disclosure owns its queries and asks no other module's service.
 */
@Mapper
interface DisclosureMapper {

    /** {@code escapedName}: a LIKE pattern part escaped with '!'; {@code uscc}: a unit's code, or null. */
    List<PublicListing> search(@Param("today") LocalDate today, @Param("name") String escapedName,
            @Param("uscc") String uscc, @Param("limit") int limit, @Param("offset") long offset);

    long count(@Param("today") LocalDate today, @Param("name") String escapedName, @Param("uscc") String uscc);
}
