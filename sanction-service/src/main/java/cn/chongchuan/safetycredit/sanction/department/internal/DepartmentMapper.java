package cn.chongchuan.safetycredit.sanction.department.internal;

import cn.chongchuan.safetycredit.sanction.department.Department;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The department and department_secret tables, owned by the department module. */
@Mapper
public interface DepartmentMapper {

    /** Inserts a seeded department or updates its name and roles; endpoint, contact and flag stay ADMIN's. */
    int upsertSeed(@Param("department") Department department);

    /** Inserts or fully updates a department as ADMIN registered it. */
    int upsert(@Param("department") Department department);

    Optional<Department> findByCode(@Param("code") String code);

    /** Locks the department row, so that concurrent secret rotations happen one after the other. */
    Optional<Department> lockByCode(@Param("code") String code);

    List<Department> findAll();

    List<Department> findByCodes(@Param("codes") List<String> codes);

    int insertSecret(@Param("departmentCode") String departmentCode, @Param("keyId") String keyId,
            @Param("encryptedSecret") byte[] encryptedSecret, @Param("fingerprint") String fingerprint,
            @Param("createdAt") Instant createdAt);

    /** Active (not retired) secrets, newest first. */
    List<DepartmentSecret> findActiveSecrets(@Param("departmentCode") String departmentCode);

    int retireSecret(@Param("departmentCode") String departmentCode, @Param("keyId") String keyId,
            @Param("retiredAt") Instant retiredAt);
}
