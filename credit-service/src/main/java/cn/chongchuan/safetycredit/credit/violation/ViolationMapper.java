package cn.chongchuan.safetycredit.credit.violation;

import cn.chongchuan.safetycredit.credit.violation.domain.AccidentGrade;
import cn.chongchuan.safetycredit.credit.violation.domain.ViolationFacts;
import cn.chongchuan.safetycredit.platform.persistence.GeneratedId;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Violations (penalty decisions), their versions, the persons held responsible, idempotency keys. */
@Mapper
interface ViolationMapper {

    void insertViolation(@Param("department") String department, @Param("caseNumber") String caseNumber,
            @Param("unitId") long unitId, @Param("unitName") String unitName, @Param("criterionCode") String criterionCode,
            @Param("facts") ViolationFacts facts, @Param("now") Instant now, @Param("id") GeneratedId id);

    Optional<ViolationHead> findHead(long id);

    Optional<ViolationHead> findHeadByCase(@Param("department") String department, @Param("caseNumber") String caseNumber);

    /** Locks the violation so that versions are numbered one at a time. */
    Optional<ViolationHead> lockHead(long id);

    void setCurrentVersion(@Param("id") long id, @Param("version") int version);

    void insertVersion(ViolationVersion version);

    List<ViolationVersion> findVersions(long violationId);

    void insertPerson(@Param("violationId") long violationId, @Param("personId") long personId,
            @Param("personName") String personName, @Param("responsibility") String responsibility);

    List<ResponsiblePerson> findPersons(long violationId);

    List<ViolationHead> findByUnit(long unitId);

    List<ViolationHead> findByPerson(long personId);

    /** The unit's other violations with a 较大 accident dated from {@code since} to {@code until}. */
    List<RecordedAccident> findLargerAccidents(@Param("unitId") long unitId, @Param("excludeId") long excludeId,
            @Param("since") LocalDate since, @Param("until") LocalDate until);

    /** As {@link #findLargerAccidents}, as a locking read (call it holding the unit's lock). */
    List<RecordedAccident> lockLargerAccidents(@Param("unitId") long unitId, @Param("excludeId") long excludeId,
            @Param("since") LocalDate since, @Param("until") LocalDate until);

    /** The violations whose situation-2 proposal counted an accident of the unit on that day (locking read). */
    List<Long> lockCountedAccidents(@Param("unitId") long unitId, @Param("accidentDate") LocalDate accidentDate);

    /** The violations whose situation-2 proposal counted an accident of the unit on that day. */
    List<Long> findCountedAccidents(@Param("unitId") long unitId, @Param("accidentDate") LocalDate accidentDate);

    void insertAccidentCount(@Param("violationId") long violationId, @Param("counted") List<Long> counted);

    int insertIdempotencyKey(@Param("department") String department, @Param("key") String key,
            @Param("requestHash") String requestHash, @Param("violationId") long violationId, @Param("now") Instant now);

    Optional<IdempotencyRecord> findIdempotencyKey(@Param("department") String department, @Param("key") String key);

    /** The stable part of a violation. */
    record ViolationHead(Long id, String departmentCode, String caseNumber, long unitId, String unitName, String criterionCode,
                         LocalDate accidentDate, AccidentGrade accidentGrade, BigDecimal fineMultiple,
                         boolean especiallySerious, int currentVersion, Instant createdAt) {

        ViolationFacts facts() {
            return new ViolationFacts(accidentDate, accidentGrade, fineMultiple, especiallySerious);
        }
    }

    /** A recorded accident of a unit: the violation that records it and the day it happened. */
    record RecordedAccident(long violationId, LocalDate accidentDate) {
    }

    /** One version of the penalty decision. */
    record ViolationVersion(long violationId, int version, String decisionNumber, LocalDate decisionDate,
                            String description, BigDecimal fineAmount, String unitName, String correctionReason,
                            String recordedBy, Instant recordedAt) {
    }

    /**
     * A person held responsible, with the masked ID number only: the opaque public id, and the name
     * as this case states it.
     */
    record ResponsiblePerson(String personId, String name, String maskedIdNumber, String responsibility) {
    }

    /** A remembered Idempotency-Key: which request it came with and what it created. */
    record IdempotencyRecord(String requestHash, long violationId) {
    }
}
