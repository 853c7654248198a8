package cn.chongchuan.safetycredit.credit.subject;

import cn.chongchuan.safetycredit.credit.subject.SubjectMapper.KeyCount;
import cn.chongchuan.safetycredit.credit.subject.SubjectMapper.PersonRow;
import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Rotating the HMAC key of the personal lookup hash. The new key becomes
 * {@code credit.personal-data.hmac-key} and the old one moves to {@code previous-hmac-keys}: both
 * are then readable (a person not yet moved is found and checked under the old hash). The re-hash
 * moves persons to the new key a page at a time, each person in a transaction of its own: its hash
 * and key id, and — through {@link PersonKeyChanged} — its listings, subject version, cache entries
 * and pending events. When no person is left under a previous key, the old key can be removed from
 * the configuration; the start-up check refuses to start without it while any person still needs it.
 *
 * <p>Rotating the encryption key works the same way: the new key becomes
 * {@code credit.personal-data.encryption-key}, the old one {@code previous-encryption-keys} (used only
 * to decrypt), and the re-encryption rewrites each person's ciphertext under the current key and
 * records its key id; only the ciphertext changes (the hash, listings and events stay as they are).
 */
@Service
public class PersonalDataRotation {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRotation.class);
    private static final int PAGE = 500;

    private final SubjectMapper mapper;
    private final PersonalIdProtector protector;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate perPerson;
    private final Clock clock;

    PersonalDataRotation(SubjectMapper mapper, PersonalIdProtector protector, ApplicationEventPublisher events,
            PlatformTransactionManager transactions, Clock clock) {
        this.mapper = mapper;
        this.protector = protector;
        this.events = events;
        this.perPerson = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** How many persons each key hashed, which key is current, and how many still wait for the re-hash. */
    public Status status() {
        List<KeyUse> keys = mapper.countByHashKey().stream().map(c -> new KeyUse(c.keyId(), role(c.keyId()), c.persons()))
                .toList();
        long waiting = keys.stream().filter(k -> !"CURRENT".equals(k.role())).mapToLong(KeyUse::persons).sum();
        return new Status(protector.hmacKeyId(), protector.previousHmacKeyIds(), keys, waiting);
    }

    /**
     * Moves up to {@code limit} persons from a previous key to the current one; returns what remains.
     * Safe to run again and from several instances at once (a person already moved is skipped).
     */
    public Rehashed rehash(int limit) {
        List<String> previous = protector.previousHmacKeyIds();
        if (previous.isEmpty()) {
            return new Rehashed(0, List.of(), status().waitingForRehash());
        }
        int moved = 0;
        List<String> unreadable = new ArrayList<>();
        long after = 0;
        int seen = 0;
        // Pages after the last id seen: persons left behind (unreadable, or busy) never block the rest.
        for (List<Long> page = mapper.personsHashedWith(previous, after, Math.min(limit, PAGE)); !page.isEmpty()
                && seen < limit; page = mapper.personsHashedWith(previous, after, Math.min(limit - seen, PAGE))) {
            for (long id : page) {
                after = id;
                seen++;
                Boolean done;
                try {
                    done = perPerson.execute(tx -> move(id));
                } catch (TransientDataAccessException busy) {
                    // A deadlock or lock timeout with a change of the same person: the next call retries it.
                    log.info("personal data: person row {} busy, left for the next re-hash call", id);
                    continue;
                }
                if (Boolean.TRUE.equals(done)) {
                    moved++;
                } else if (done == null) {
                    mapper.findPersonById(id).ifPresent(p -> unreadable.add(p.publicId()));
                }
            }
        }
        long waiting = status().waitingForRehash();
        log.info("personal data: {} persons re-hashed under HMAC key id {}, {} still under a previous key{}", moved,
                protector.hmacKeyId(), waiting, unreadable.isEmpty() ? "" : "; unreadable: " + unreadable);
        return new Rehashed(moved, unreadable, waiting);
    }

    /** True when moved, false when someone else did meanwhile, null when its number cannot be read. */
    private Boolean move(long id) {
        PersonRow person = mapper.lockPerson(id).orElse(null);
        if (person == null || protector.hmacKeyId().equals(person.idHashKey())) {
            return false;
        }
        ResidentIdNumber number;
        try {
            number = ResidentIdNumber.parse(protector.decrypt(person.idCipher(), person.idCipherKey()), "idNumber");
        } catch (RuntimeException unreadable) {
            return null;
        }
        if (!protector.previousHashes(number).contains(person.idHash())) {
            // Stored under a key id it was not hashed with: leave it for the credit office.
            return null;
        }
        String newHash = protector.hash(number);
        String oldKey = SubjectService.personKey(person.idHash());
        String newKey = SubjectService.personKey(newHash);
        mapper.insertFormerKey(id, oldKey, person.idHashKey(), clock.instant());
        if (mapper.rehashPerson(id, person.idHash(), newHash, protector.hmacKeyId()) == 0) {
            return false;
        }
        events.publishEvent(new PersonKeyChanged(oldKey, newKey));
        return true;
    }

    /** How many persons' numbers each encryption key encrypted, which is current, how many still wait. */
    public EncryptionStatus encryptionStatus() {
        List<KeyUse> keys = mapper.countByCipherKey().stream()
                .map(c -> new KeyUse(c.keyId(), encryptionRole(c.keyId()), c.persons())).toList();
        long waiting = keys.stream().filter(k -> !"CURRENT".equals(k.role())).mapToLong(KeyUse::persons).sum();
        return new EncryptionStatus(protector.encryptionKeyId(), protector.previousEncryptionKeyIds(), keys, waiting);
    }

    /**
     * Re-encrypts up to {@code limit} persons' numbers still under a previous key (or with no recorded
     * key id) with the current key; returns what remains. Each row is replaced only if its ciphertext
     * is still the one read, so it is safe to run again and from several instances at once.
     */
    public Reencrypted reencrypt(int limit) {
        String current = protector.encryptionKeyId();
        int moved = 0;
        List<String> unreadable = new ArrayList<>();
        long after = 0;
        int seen = 0;
        for (List<PersonRow> page = mapper.personsNotEncryptedWith(current, after, Math.min(limit, PAGE));
                !page.isEmpty() && seen < limit;
                page = mapper.personsNotEncryptedWith(current, after, Math.min(limit - seen, PAGE))) {
            for (PersonRow person : page) {
                after = person.id();
                seen++;
                ResidentIdNumber number;
                try {
                    number = ResidentIdNumber.parse(protector.decrypt(person.idCipher(), person.idCipherKey()),
                            "idNumber");
                } catch (RuntimeException cannotRead) {
                    // Never the number or the exception's text: only which person the credit office should see to.
                    unreadable.add(person.publicId());
                    continue;
                }
                moved += mapper.reencryptPerson(person.id(), person.idCipher(), protector.encrypt(number), current);
            }
        }
        long waiting = encryptionStatus().waitingForReencryption();
        log.info("personal data: {} persons re-encrypted under encryption key id {}, {} still under another key{}",
                moved, current, waiting, unreadable.isEmpty() ? "" : "; unreadable: " + unreadable);
        return new Reencrypted(moved, unreadable, waiting);
    }

    private String encryptionRole(String keyId) {
        if (keyId == null) {
            return "UNRECORDED";
        }
        if (protector.encryptionKeyId().equals(keyId)) {
            return "CURRENT";
        }
        return protector.previousEncryptionKeyIds().contains(keyId) ? "PREVIOUS" : "UNKNOWN";
    }

    private String role(String keyId) {
        if (protector.hmacKeyId().equals(keyId)) {
            return "CURRENT";
        }
        return protector.previousHmacKeyIds().contains(keyId) ? "PREVIOUS" : "UNKNOWN";
    }

    public record Status(String currentKeyId, List<String> previousKeyIds, List<KeyUse> keys, long waitingForRehash) {
    }

    public record KeyUse(String keyId, String role, long persons) {
    }

    public record EncryptionStatus(String currentKeyId, List<String> previousKeyIds, List<KeyUse> keys,
            long waitingForReencryption) {
    }

    public record Reencrypted(int reencrypted, List<String> unreadablePersons, long waitingForReencryption) {
    }

    public record Rehashed(int rehashed, List<String> unreadablePersons, long waitingForRehash) {
    }
}
