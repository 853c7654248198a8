package cn.chongchuan.safetycredit.sanction.department.internal;

import cn.chongchuan.safetycredit.sanction.department.EndpointDisabledReason;
import cn.chongchuan.safetycredit.sanction.department.EndpointEvent;
import cn.chongchuan.safetycredit.sanction.department.EndpointState;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The endpoint_state and endpoint_event tables, owned by the department module. */
@Mapper
public interface EndpointStateMapper {

    Optional<EndpointState> findState(@Param("department") String department);

    List<EndpointState> findStates();

    /** Creates the department's row (enabled, never failed) unless it has one, and locks it. */
    int lockOrCreate(@Param("department") String department, @Param("at") Instant at);

    /** A delivery: the failure clock stops. */
    int recordSuccess(@Param("department") String department, @Param("at") Instant at);

    /** A failed round: starts the failure clock unless it runs already. */
    int recordFailure(@Param("department") String department, @Param("at") Instant at);

    /** Disables the endpoint; 0 when it was disabled already. */
    int disable(@Param("department") String department, @Param("reason") EndpointDisabledReason reason,
            @Param("at") Instant at);

    /** Enables the endpoint and resets its failure clock; 0 when it was enabled already. */
    int enable(@Param("department") String department, @Param("at") Instant at);

    int insertEvent(@Param("event") EndpointEvent event);

    /** The department's events, newest first. */
    List<EndpointEvent> findEvents(@Param("department") String department, @Param("limit") int limit);

    List<ReasonCount> countDisabledByReason();

    /** Enabled endpoints whose failure clock runs. */
    long countFailing();

    /** How many endpoints are disabled for one reason. */
    record ReasonCount(EndpointDisabledReason reason, long endpoints) {
    }
}
