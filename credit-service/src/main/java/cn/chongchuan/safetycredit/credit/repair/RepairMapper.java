package cn.chongchuan.safetycredit.credit.repair;

import cn.chongchuan.safetycredit.platform.persistence.GeneratedId;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Credit repair applications. */
@Mapper
interface RepairMapper {

    void insert(@Param("a") RepairApplication application, @Param("id") GeneratedId id);

    Optional<RepairApplication> findById(long id);

    Optional<RepairApplication> lockById(long id);

    Optional<RepairApplication> findPendingForListing(long listingId);

    List<RepairApplication> findByState(@Param("state") RepairApplication.State state, @Param("limit") int limit,
            @Param("offset") long offset);

    List<RepairApplication> findByListing(long listingId);

    void decide(@Param("id") long id, @Param("state") RepairApplication.State state, @Param("by") String department,
            @Param("at") Instant at, @Param("reason") String reason);
}
