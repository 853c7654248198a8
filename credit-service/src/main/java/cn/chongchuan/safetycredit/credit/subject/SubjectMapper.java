package cn.chongchuan.safetycredit.credit.subject;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.Optional;

/** Units and persons. */
@Mapper
interface SubjectMapper {

    Optional<UnitRow> findUnitByUscc(String uscc);

    Optional<UnitRow> findUnitById(long id);

    void insertUnit(UnitRow unit);

    void updateUnitName(@Param("id") long id, @Param("name") String name);

    void recordCheckOverride(@Param("id") long id, @Param("by") String department, @Param("reason") String reason);

    Optional<PersonRow> findPersonByHash(String idHash);

    Optional<PersonRow> findPersonById(long id);

    void insertPerson(PersonRow person);

    /** A unit row; {@code checkOverrideBy} is set when an admin accepted a code that fails its check. */
    record UnitRow(Long id, String uscc, String name, String areaCode, String checkOverrideBy,
                   String checkOverrideReason, Instant createdAt) {
    }

    /** A person row: never the plain ID number. */
    record PersonRow(Long id, String idHash, String idCipher, String idMasked, String name, Instant createdAt) {
    }
}
