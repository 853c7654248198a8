package cn.chongchuan.safetycredit.credit.subject;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Units and persons. */
@Mapper
interface SubjectMapper {

    Optional<UnitRow> findUnitByUscc(String uscc);

    Optional<UnitRow> findUnitById(long id);

    void insertUnit(UnitRow unit);

    void updateUnitName(@Param("id") long id, @Param("name") String name);

    void updatePersonName(@Param("id") long id, @Param("name") String name);

    void insertNameChange(NameChangeRow change);

    List<NameChangeRow> findNameChangesOfUnit(long unitId);

    List<NameChangeRow> findNameChangesOfPerson(long personId);

    /** The departments that recorded a violation of the unit or hold a listing of it (have a case of it). */
    List<String> caseDepartmentsOfUnit(long unitId);

    /** The departments that recorded a violation naming the person or hold a listing of them. */
    List<String> caseDepartmentsOfPerson(long personId);

    /** The departments that decided a listing of the unit (a decision number was given): they may rename it. */
    List<String> listingDecidersOfUnit(long unitId);

    /** The departments that decided a listing of the person. */
    List<String> listingDecidersOfPerson(long personId);

    /** The unit row, locked until the transaction ends (one name change at a time). */
    Optional<UnitRow> lockUnit(long id);

    /** The person row, locked until the transaction ends. */
    Optional<PersonRow> lockPerson(long id);

    void insertReveal(RevealRow reveal);

    List<RevealRow> findRevealsOfPerson(long personId);

    /** The ids of the HMAC keys the stored persons' lookup hashes were made with. */
    List<String> hashKeysInUse();

    /** Persons stored before the key id was recorded, after {@code afterId} in id order (at most {@code limit}). */
    List<PersonRow> unmarkedPersons(@Param("afterId") long afterId, @Param("limit") int limit);

    /** The most recently stored persons (at most {@code limit}). */
    List<PersonRow> somePersons(int limit);

    /** Records the key id on the persons up to {@code upToId} stored before it was recorded. */
    int markHashKey(@Param("keyId") String keyId, @Param("upToId") long upToId);

    void recordCheckOverride(@Param("id") long id, @Param("by") String department, @Param("reason") String reason);

    Optional<PersonRow> findPersonByHash(String idHash);

    /** The same, with a shared lock: a re-hash of the person waits until the caller's transaction ends. */
    Optional<PersonRow> findPersonByHashForShare(String idHash);

    /** How many persons each HMAC key id hashed (the rotation's progress). */
    List<KeyCount> countByHashKey();

    /** Persons hashed under one of the given key ids after {@code afterId}, oldest first (a page of the re-hash). */
    List<Long> personsHashedWith(@Param("keyIds") List<String> keyIds, @Param("afterId") long afterId,
            @Param("limit") int limit);

    /** Moves the person to a new lookup hash and key id, if it still has the old hash. */
    int rehashPerson(@Param("id") long id, @Param("oldHash") String oldHash, @Param("newHash") String newHash,
            @Param("keyId") String keyId);

    record KeyCount(String keyId, long persons) {
    }

    /** The ids of the encryption keys the stored numbers were encrypted with (recorded ones only). */
    List<String> cipherKeysInUse();

    /** How many persons' numbers each encryption key id encrypted; a null key id: not recorded yet. */
    List<KeyCount> countByCipherKey();

    /** Persons whose number has no recorded encryption key id, after {@code afterId} in id order. */
    List<PersonRow> personsWithoutCipherKey(@Param("afterId") long afterId, @Param("limit") int limit);

    /** Records the encryption key id of a person stored before it was recorded. */
    int markCipherKey(@Param("id") long id, @Param("keyId") String keyId);

    /** Persons whose number is not (known to be) encrypted with {@code keyId}, after {@code afterId}, oldest first. */
    List<PersonRow> personsNotEncryptedWith(@Param("keyId") String keyId, @Param("afterId") long afterId,
            @Param("limit") int limit);

    /** Replaces the person's ciphertext and its key id, if it still has the old ciphertext. */
    int reencryptPerson(@Param("id") long id, @Param("oldCipher") String oldCipher, @Param("newCipher") String newCipher,
            @Param("keyId") String keyId);

    void insertFormerKey(@Param("personId") long personId, @Param("subjectKey") String subjectKey,
            @Param("keyId") String keyId, @Param("replacedAt") java.time.Instant replacedAt);

    /** The subject keys the person with this lookup hash had under former HMAC keys. */
    List<String> formerKeysOf(String idHash);

    Optional<PersonRow> findPersonById(long id);

    Optional<PersonRow> findPersonByPublicId(String publicId);

    void insertPerson(PersonRow person);

    /** A unit row; {@code checkOverrideBy} is set when an admin accepted a code that fails its check. */
    record UnitRow(Long id, String uscc, String name, String areaCode, String checkOverrideBy,
                   String checkOverrideReason, Instant createdAt) {
    }

    /** A person row: never the plain ID number. */
    record PersonRow(Long id, String publicId, String idHash, String idHashKey, String idCipher, String idCipherKey,
            String idMasked, String name, Instant createdAt) {
    }

    /** One reveal of a person's full ID number: by whom, when, why (never the number). */
    record RevealRow(Long id, long personId, String actorDepartment, String reason, Instant revealedAt) {
    }

    /** One change of a registered name: who, when, from what, to what, and why. */
    record NameChangeRow(Long id, String subjectType, Long unitId, Long personId, String oldName, String newName,
                         String reason, String actorDepartment, String actorRole, Instant changedAt) {
    }
}
