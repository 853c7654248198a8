package cn.chongchuan.safetycredit.credit.subject;

import cn.chongchuan.safetycredit.credit.subject.SubjectMapper.PersonRow;
import cn.chongchuan.safetycredit.credit.subject.domain.InvalidCodeException;
import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Refuses to start with personal-data keys that do not fit the stored persons. A person is found,
 * and checked, by the HMAC of the ID number: under another key nobody is found and every listed
 * person would be answered CLEAR, silently. So, before the service takes a request:
 *
 * <ul>
 * <li>every key id stored with a person must be the configured key's;</li>
 * <li>persons stored before key ids were recorded are verified by decrypting their encrypted copy
 *     and hashing it again (a sample, newest first: one key made them all), then marked;</li>
 * <li>a sample of the newest persons must decrypt with the configured encryption key, and hash to
 *     what is stored.</li>
 * </ul>
 *
 * Runs once every singleton exists (after the database migration), before the web server starts.
 */
@Component
class PersonalDataKeyCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataKeyCheck.class);
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
        List<String> others = mapper.hashKeysInUse().stream().filter(id -> !id.equals(configured)).toList();
        if (!others.isEmpty()) {
            throw refused("persons in the register were hashed with HMAC key id " + String.join(", ", others)
                    + ", but credit.personal-data.hmac-key has id " + configured);
        }
        List<PersonRow> unmarked = mapper.unmarkedPersons(SAMPLE);
        verify(unmarked);
        verify(mapper.somePersons(SAMPLE));
        if (!unmarked.isEmpty()) {
            int marked = mapper.markHashKey(configured);
            log.info("personal data: {} persons stored before key ids were recorded verified and marked with key id {}",
                    marked, configured);
        }
    }

    /** Each person's encrypted number decrypts with the configured key and hashes to the stored hash. */
    private void verify(List<PersonRow> persons) {
        for (PersonRow person : persons) {
            String plain;
            try {
                plain = protector.decrypt(person.idCipher());
            } catch (IllegalStateException wrongKey) {
                throw refused("credit.personal-data.encryption-key cannot decrypt the stored ID number of person "
                        + person.publicId());
            }
            String hash;
            try {
                hash = protector.hash(ResidentIdNumber.parse(plain, "idNumber"));
            } catch (InvalidCodeException unreadable) {
                throw refused("the stored ID number of person " + person.publicId() + " does not decrypt to an ID number");
            }
            if (!hash.equals(person.idHash())) {
                throw refused("person " + person.publicId() + " was hashed with another HMAC key than "
                        + "credit.personal-data.hmac-key (id " + protector.hmacKeyId() + ")");
            }
        }
    }

    private static IllegalStateException refused(String why) {
        return new IllegalStateException("refusing to start: " + why + ". With keys that do not fit the register, "
                + "persons cannot be found and every listed person would be checked CLEAR. Configure the keys the "
                + "register was written with (CREDIT_PERSONALDATA_HMACKEY, CREDIT_PERSONALDATA_ENCRYPTIONKEY).");
    }
}
