package cn.chongchuan.safetycredit.sanction.department;

import cn.chongchuan.safetycredit.sanction.department.internal.DepartmentMapper;
import cn.chongchuan.safetycredit.sanction.department.internal.DepartmentSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refuses to start with encryption keys that do not fit the stored signing secrets: under a wrong key
 * no notice can be signed and every delivery fails. Before the service takes a request:
 *
 * <ul>
 * <li>every encryption key id stored with a secret must be the configured key's or, while the key
 *     is rotated, a previous key's;</li>
 * <li>every secret stored before key ids were recorded is marked with the key that opens it;</li>
 * <li>of the newest active secrets, some must decrypt (one that cannot is reported, not a reason to
 *     stop: a key that does not fit reads none).</li>
 * </ul>
 */
@Component
class SecretKeyCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyCheck.class);
    static final int PAGE = 500;
    static final int SAMPLE = 20;

    private final DepartmentMapper departments;
    private final SecretCipher cipher;

    SecretKeyCheck(DepartmentMapper departments, SecretCipher cipher) {
        this.departments = departments;
        this.cipher = cipher;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> readable = new ArrayList<>(cipher.previousKeyIds());
        readable.add(cipher.keyId());
        List<String> others = departments.secretEncryptionKeysInUse().stream().filter(id -> !readable.contains(id))
                .toList();
        if (!others.isEmpty()) {
            throw refused("stored signing secrets were encrypted with key id " + String.join(", ", others)
                    + ", but sanction.secrets.encryption-key has id " + cipher.keyId()
                    + (cipher.previousKeyIds().isEmpty() ? ""
                            : " and sanction.secrets.previous-encryption-keys " + cipher.previousKeyIds()));
        }
        markUnmarked();
        List<DepartmentSecret> newest = departments.someActiveSecrets(SAMPLE);
        List<String> unreadable = new ArrayList<>();
        for (DepartmentSecret secret : newest) {
            try {
                cipher.decrypt(secret.encryptedSecret(), secret.encryptionKeyId());
            } catch (RuntimeException cannotRead) {
                unreadable.add(secret.departmentCode() + "/" + secret.keyId());
            }
        }
        if (!newest.isEmpty() && unreadable.size() == newest.size()) {
            throw refused("sanction.secrets.encryption-key cannot decrypt the stored signing secrets (none of the "
                    + newest.size() + " newest active ones, e.g. " + unreadable.getFirst() + ")");
        }
        if (!unreadable.isEmpty()) {
            log.warn("department secrets: the stored signing secrets {} cannot be read back; ADMIN should issue new ones",
                    unreadable);
        }
    }

    private void markUnmarked() {
        long after = 0;
        int marked = 0;
        for (List<DepartmentSecret> page = departments.secretsWithoutEncryptionKey(after, PAGE); !page.isEmpty();
                page = departments.secretsWithoutEncryptionKey(after, PAGE)) {
            for (DepartmentSecret secret : page) {
                Optional<String> keyId = cipher.keyIdOpening(secret.encryptedSecret());
                if (keyId.isPresent()) {
                    marked += departments.markSecretEncryptionKey(secret.id(), keyId.get());
                }
            }
            after = page.getLast().id();
        }
        if (marked > 0) {
            log.info("department secrets: {} stored before encryption key ids were recorded marked with the key that "
                    + "opens them", marked);
        }
    }

    private static IllegalStateException refused(String why) {
        return new IllegalStateException("refusing to start: " + why + ". Under a key that does not fit, no notice "
                + "can be signed and every delivery fails. Configure the key the secrets were encrypted with "
                + "(SANCTION_SECRETS_ENCRYPTIONKEY; while the key is rotated, the former one in "
                + "SANCTION_SECRETS_PREVIOUSENCRYPTIONKEYS).");
    }
}
