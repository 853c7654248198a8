package cn.chongchuan.safetycredit.credit.subject;

import cn.chongchuan.safetycredit.credit.subject.SubjectMapper.PersonRow;
import cn.chongchuan.safetycredit.credit.subject.domain.InvalidCodeException;
import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refuses to start with personal-data keys that do not fit the stored persons. A person is found,
 * and checked, by the HMAC of the ID number: under another key nobody is found and every listed
 * person would be answered CLEAR, silently. So, before the service takes a request:
 *
 * <ul>
 * <li>every key id stored with a person must be the configured HMAC key's, or, while the key is
 *     rotated, one of the previous keys';</li>
 * <li>every person stored before key ids were recorded is verified — its encrypted number
 *     decrypted and hashed again under the configured key — and only then marked with its id;</li>
 * <li>every encryption key id stored with a person must be the configured encryption key's, or,
 *     while that key is rotated, one of the previous encryption keys';</li>
 * <li>every person stored before encryption key ids were recorded is marked with the id of the
 *     configured key (current or previous) that opens its number;</li>
 * <li>of the newest persons, some must decrypt with the configured encryption keys (one that
 *     cannot be read is reported, not a reason to stop: a key that does not fit reads none).</li>
 * </ul>
 *
 * Runs once every singleton exists (after the database migration), before the web server starts.
 */
@Component
class PersonalDataKeyCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeyCheck.class);
    static final int PAGE = 1000;
    static final int SAMPLE = 20;

    private final SubjectMapper mapper;
    private final PersonalIdProtector protector;

    PersonalDataKeyCheck(SubjectMapper mapper, PersonalIdProtector protector) {
        this.mapper = mapper;
        this.protector = protector;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String configured = protector.hmacKeyId();
        List<String> readable = new ArrayList<>(protector.previousHmacKeyIds());
        readable.add(configured);
        List<String> others = mapper.hashKeysInUse().stream().filter(id -> !readable.contains(id)).toList();
        if (!others.isEmpty()) {
            throw refused("persons in the register were hashed with HMAC key id " + String.join(", ", others)
                    + ", but credit.personal-data.hmac-key has id " + configured
                    + (protector.previousHmacKeyIds().isEmpty() ? ""
                            : " and credit.personal-data.previous-hmac-keys " + protector.previousHmacKeyIds()));
        }
        verifyAndMarkUnmarked(configured);
        checkTheEncryptionKeyIds();
        markUnmarkedCiphers();
        checkTheEncryptionKey();
    }

    private void checkTheEncryptionKeyIds() {
        List<String> readable = new ArrayList<>(protector.previousEncryptionKeyIds());
        readable.add(protector.encryptionKeyId());
        List<String> others = mapper.cipherKeysInUse().stream().filter(id -> !readable.contains(id)).toList();
        if (!others.isEmpty()) {
            throw refused("credit.personal-data.encryption-key cannot decrypt the stored ID numbers: persons in the "
                    + "register were encrypted with key id " + String.join(", ", others)
                    + ", but credit.personal-data.encryption-key has id " + protector.encryptionKeyId()
                    + (protector.previousEncryptionKeyIds().isEmpty() ? ""
                            : " and credit.personal-data.previous-encryption-keys "
                                    + protector.previousEncryptionKeyIds()));
        }
    }

    /** Rows from before V16 carry no encryption key id: each is marked with the key that opens it. */
    private void markUnmarkedCiphers() {
        long after = 0;
        int marked = 0;
        for (List<PersonRow> page = mapper.personsWithoutCipherKey(after, PAGE); !page.isEmpty();
                page = mapper.personsWithoutCipherKey(after, PAGE)) {
            for (PersonRow person : page) {
                Optional<String> keyId = protector.encryptionKeyIdOpening(person.idCipher());
                if (keyId.isPresent()) {
                    marked += mapper.markCipherKey(person.id(), keyId.get());
                }
            }
            after = page.getLast().id();
        }
        if (marked > 0) {
            log.info("personal data: {} persons stored before encryption key ids were recorded marked with the key "
                    + "that opens their number", marked);
        }
    }

    /** Older rows carry no key id: each is hashed again; a single mismatch stops the start. */
    private void verifyAndMarkUnmarked(String configured) {
        long after = 0;
        int marked = 0;
        for (List<PersonRow> page = mapper.unmarkedPersons(after, PAGE); !page.isEmpty();
                page = mapper.unmarkedPersons(after, PAGE)) {
            for (PersonRow person : page) {
                String plain = plain(person).orElseThrow(() -> refused("credit.personal-data.encryption-key cannot "
                        + "decrypt the stored ID number of person " + person.publicId()));
                if (hashUnderTheConfiguredKey(plain).filter(person.idHash()::equals).isEmpty()) {
                    throw refused("person " + person.publicId() + " was hashed with another HMAC key than "
                            + "credit.personal-data.hmac-key (id " + configured + ")");
                }
            }
            after = page.getLast().id();
            marked += mapper.markHashKey(configured, after);
        }
        if (marked > 0) {
            log.info("personal data: {} persons stored before key ids were recorded verified and marked with key id {}",
                    marked, configured);
        }
    }

    private void checkTheEncryptionKey() {
        List<PersonRow> newest = mapper.somePersons(SAMPLE);
        List<String> unreadable = new ArrayList<>();
        for (PersonRow person : newest) {
            Optional<String> plain = plain(person);
            if (plain.filter(p -> hashesUnderEveryKey(p).contains(person.idHash())).isEmpty()) {
                unreadable.add(person.publicId());
            }
        }
        if (!newest.isEmpty() && unreadable.size() == newest.size()) {
            throw refused("credit.personal-data.encryption-key cannot decrypt the stored ID numbers (none of the "
                    + newest.size() + " newest persons, e.g. " + unreadable.getFirst() + ")");
        }
        if (!unreadable.isEmpty()) {
            log.warn("personal data: the stored ID numbers of persons {} cannot be read back; the credit office "
                    + "should look at them", unreadable);
        }
    }

    private Optional<String> plain(PersonRow person) {
        try {
            return Optional.of(protector.decrypt(person.idCipher(), person.idCipherKey()));
        } catch (RuntimeException unreadable) {
            // A wrong key (IllegalStateException) or a damaged value (IllegalArgumentException).
            return Optional.empty();
        }
    }

    /** The lookup hash of a decrypted number under the configured key; empty if it is no ID number. */
    private Optional<String> hashUnderTheConfiguredKey(String plain) {
        try {
            return Optional.of(protector.hash(ResidentIdNumber.parse(plain, "idNumber")));
        } catch (InvalidCodeException unreadable) {
            return Optional.empty();
        }
    }

    /** The lookup hashes of a decrypted number under the configured and the previous keys. */
    private List<String> hashesUnderEveryKey(String plain) {
        try {
            ResidentIdNumber id = ResidentIdNumber.parse(plain, "idNumber");
            List<String> hashes = new ArrayList<>(protector.previousHashes(id));
            hashes.add(protector.hash(id));
            return hashes;
        } catch (InvalidCodeException unreadable) {
            return List.of();
        }
    }

    private static IllegalStateException refused(String why) {
        return new IllegalStateException("refusing to start: " + why + ". With keys that do not fit the register, "
                + "persons cannot be found and every listed person would be checked CLEAR. Configure the keys the "
                + "register was written with (CREDIT_PERSONALDATA_HMACKEY, CREDIT_PERSONALDATA_ENCRYPTIONKEY; while a key is "
                + "rotated, the former one in CREDIT_PERSONALDATA_PREVIOUSHMACKEYS or "
                + "CREDIT_PERSONALDATA_PREVIOUSENCRYPTIONKEYS).");
    }
}
