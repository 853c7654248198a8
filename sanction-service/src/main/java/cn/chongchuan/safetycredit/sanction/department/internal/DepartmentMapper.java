package cn.chongchuan.safetycredit.sanction.department.internal;

import cn.chongchuan.safetycredit.sanction.department.Department;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The department, department_secret and department_signing_key tables, owned by the department module. */
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
            @Param("encryptedSecret") byte[] encryptedSecret, @Param("encryptionKeyId") String encryptionKeyId,
            @Param("fingerprint") String fingerprint,
            @Param("createdAt") Instant createdAt);

    /** Active (not retired) secrets, newest first. */
    List<DepartmentSecret> findActiveSecrets(@Param("departmentCode") String departmentCode);

    int retireSecret(@Param("departmentCode") String departmentCode, @Param("keyId") String keyId,
            @Param("retiredAt") Instant retiredAt);

    /**
     * The ids of the keys the stored secrets and Ed25519 private keys (active and retired) were
     * encrypted with (recorded ones only).
     */
    List<String> secretEncryptionKeysInUse();

    /**
     * How many stored secrets and Ed25519 private keys each encryption key id encrypted; a null key id:
     * not recorded yet.
     */
    List<EncryptionKeyCount> countSecretsByEncryptionKey();

    /** Stored secrets with no recorded encryption key id, after {@code afterId} in id order. */
    List<DepartmentSecret> secretsWithoutEncryptionKey(@Param("afterId") long afterId, @Param("limit") int limit);

    /** Records the encryption key id of a secret stored before it was recorded. */
    int markSecretEncryptionKey(@Param("id") long id, @Param("encryptionKeyId") String encryptionKeyId);

    /** Stored secrets not (known to be) encrypted with {@code encryptionKeyId}, after {@code afterId}, oldest first. */
    List<DepartmentSecret> secretsNotEncryptedWith(@Param("encryptionKeyId") String encryptionKeyId,
            @Param("afterId") long afterId, @Param("limit") int limit);

    /** The newest active secrets (at most {@code limit}). */
    List<DepartmentSecret> someActiveSecrets(int limit);

    /** Replaces a secret's ciphertext and key id, if it still has the old ciphertext. */
    int reencryptSecret(@Param("id") long id, @Param("oldCipher") byte[] oldCipher, @Param("newCipher") byte[] newCipher,
            @Param("encryptionKeyId") String encryptionKeyId);

    int insertSigningKey(@Param("departmentCode") String departmentCode, @Param("keyId") String keyId,
            @Param("publicKey") byte[] publicKey, @Param("encryptedPrivateKey") byte[] encryptedPrivateKey,
            @Param("encryptionKeyId") String encryptionKeyId, @Param("createdAt") Instant createdAt);

    /** Active (not retired) Ed25519 key pairs, newest first. */
    List<DepartmentSigningKey> findActiveSigningKeys(@Param("departmentCode") String departmentCode);

    int retireSigningKey(@Param("departmentCode") String departmentCode, @Param("keyId") String keyId,
            @Param("retiredAt") Instant retiredAt);

    /** Stored private keys not encrypted with {@code encryptionKeyId}, after {@code afterId}, oldest first. */
    List<DepartmentSigningKey> signingKeysNotEncryptedWith(@Param("encryptionKeyId") String encryptionKeyId,
            @Param("afterId") long afterId, @Param("limit") int limit);

    /** Replaces a private key's ciphertext and key id, if it still has the old ciphertext. */
    int reencryptSigningKey(@Param("id") long id, @Param("oldCipher") byte[] oldCipher,
            @Param("newCipher") byte[] newCipher, @Param("encryptionKeyId") String encryptionKeyId);

    record EncryptionKeyCount(String keyId, long secrets) {
    }
}
