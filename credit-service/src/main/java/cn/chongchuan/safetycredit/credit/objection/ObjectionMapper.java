package cn.chongchuan.safetycredit.credit.objection;

import cn.chongchuan.safetycredit.platform.persistence.GeneratedId;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Objections against listings. */
@Mapper
interface ObjectionMapper {

    void insert(@Param("o") Objection objection, @Param("id") GeneratedId id);

    Optional<Objection> findById(long id);

    Optional<Objection> lockById(long id);

    List<Objection> findOpen(@Param("limit") int limit, @Param("offset") long offset);

    List<Objection> findByListing(long listingId);

    void answer(@Param("id") long id, @Param("answer") String answer, @Param("outcome") String outcome,
            @Param("by") String department, @Param("at") Instant at);
}
