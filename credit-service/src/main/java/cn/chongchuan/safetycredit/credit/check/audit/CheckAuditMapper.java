package cn.chongchuan.safetycredit.credit.check.audit;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The check audit table, which also keeps every receipt. */
@Mapper
public interface CheckAuditMapper {

    void insertAll(@Param("rows") List<CheckAuditRow> rows);

    Optional<CheckAuditRow> findByReceiptId(String receiptId);

    /** Newest first; every filter optional. */
    List<CheckAuditRow> search(@Param("department") String department, @Param("subjectKeys") List<String> subjectKeys,
            @Param("from") Instant from, @Param("to") Instant to, @Param("limit") int limit, @Param("offset") int offset);
}
