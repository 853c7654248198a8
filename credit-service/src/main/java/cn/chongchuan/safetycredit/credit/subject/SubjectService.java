package cn.chongchuan.safetycredit.credit.subject;

import cn.chongchuan.safetycredit.credit.subject.SubjectMapper.NameChangeRow;
import cn.chongchuan.safetycredit.credit.subject.SubjectMapper.PersonRow;
import cn.chongchuan.safetycredit.credit.subject.SubjectMapper.RevealRow;
import cn.chongchuan.safetycredit.credit.subject.SubjectMapper.UnitRow;
import cn.chongchuan.safetycredit.credit.subject.domain.InvalidCodeException;
import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import cn.chongchuan.safetycredit.credit.subject.domain.SubjectName;
import cn.chongchuan.safetycredit.credit.subject.domain.UnifiedSocialCreditCode;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.problem.FieldError;
import cn.chongchuan.safetycredit.platform.web.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Finds or registers the units and persons that violations and listings are about. */
@Service
public class SubjectService {

    private static final Logger log = LoggerFactory.getLogger(SubjectService.class);

    private final SubjectMapper mapper;
    private final PersonalIdProtector protector;
    private final Clock clock;

    SubjectService(SubjectMapper mapper, PersonalIdProtector protector, Clock clock) {
        this.mapper = mapper;
        this.protector = protector;
        this.clock = clock;
    }

    /**
     * The unit with this code, registered now (under the stated name) if new. A code that fails its
     * check character is accepted only when an admin has registered it with an override (a legal
     * pilot code). An existing unit keeps its registered name whatever a violation calls it: the
     * name a case states is kept on the case, and the register changes only through
     * {@link #renameUnit} (issue 13: any department could rename another's listed unit).
     */
    @Transactional
    public Unit resolveUnit(String rawCode, String statedName, String field) {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parseFormat(rawCode, field);
        Optional<UnitRow> existing = mapper.findUnitByUscc(code.value());
        if (existing.isEmpty() || existing.get().checkOverrideBy() == null) {
            UnifiedSocialCreditCode.parse(rawCode, field);
        }
        UnitRow unit = existing.orElseGet(() -> insertUnit(code, statedName, null, null));
        return toUnit(unit);
    }

    /** Registers a unit; an admin may accept a pilot code whose check character fails, with a recorded reason. */
    @Transactional
    public Unit registerUnit(String rawCode, String name, String overrideReason, String adminDepartment) {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parseFormat(rawCode, "uscc");
        boolean override = false;
        try {
            UnifiedSocialCreditCode.parse(rawCode, "uscc");
        } catch (InvalidCodeException e) {
            if (!e.isCheckCharacterMismatch() || overrideReason == null || overrideReason.isBlank()) {
                throw e;
            }
            override = true;
        }
        UnitRow unit = mapper.findUnitByUscc(code.value())
                .orElseGet(() -> insertUnit(code, name, null, null));
        if (override) {
            mapper.recordCheckOverride(unit.id(), adminDepartment, overrideReason.strip());
        }
        return toUnit(mapper.findUnitById(unit.id()).orElseThrow());
    }

    /**
     * The person with this ID number, registered now if new; the number itself is not stored. Like a
     * unit, an existing person keeps the registered name; the case keeps the name it states.
     */
    @Transactional
    public Person resolvePerson(ResidentIdNumber id, String name) {
        String hash = protector.hash(id);
        PersonRow person = findPersonRowForShare(id).orElseGet(() -> {
            mapper.insertPerson(new PersonRow(null, UUID.randomUUID().toString(), hash, protector.hmacKeyId(),
                    protector.encrypt(id), protector.encryptionKeyId(), id.masked(), SubjectName.normalise(name), clock.instant()));
            return mapper.findPersonByHash(hash).orElseThrow();
        });
        return toPerson(person);
    }

    /**
     * Locks the unit's row for the rest of the transaction, so that what is evaluated per unit (its
     * accidents counted towards situation 2) is evaluated by one transaction at a time.
     */
    @Transactional
    public void lockUnit(long unitId) {
        mapper.lockUnit(unitId).orElseThrow(() -> notFound("unit", unitId));
    }

    public Optional<Unit> unit(String uscc) {
        return mapper.findUnitByUscc(uscc.trim().toUpperCase(Locale.ROOT)).map(SubjectService::toUnit);
    }

    public Unit unit(long id) {
        return mapper.findUnitById(id).map(SubjectService::toUnit)
                .orElseThrow(() -> notFound("unit", id));
    }

    /** By the internal key: for features that hold a listing or violation row, never for an API path. */
    public Person person(long id) {
        return mapper.findPersonById(id).map(SubjectService::toPerson).orElseThrow(() -> notFound("person", id));
    }

    /**
     * The person behind an opaque public id, if the caller may see them: ADMIN sees every person, a
     * department only a person named in one of its violations or listings. Anyone else is a 404
     * exactly as for an unknown id, so ids cannot be probed.
     */
    public Person visiblePerson(String publicId, Caller caller) {
        Person person = personOr404(publicId);
        requireOneOf(mapper.caseDepartmentsOfPerson(person.id()), caller, "person " + person.publicId());
        return person;
    }

    /** Whether the caller may see the person found by some other way (e.g. by ID number). */
    public Person requireVisible(Person person, Caller caller, String what) {
        requireOneOf(mapper.caseDepartmentsOfPerson(person.id()), caller, what);
        return person;
    }

    /**
     * Changes a unit's registered name (e.g. after a 营业执照 change), with the reason, recorded in
     * the name history. Only the credit office or a department that decided a listing of the unit
     * may: recording a violation of it is not enough (any enforcement department can, and the name
     * is on the public list). For anyone else the unit is not theirs to rename (404 as if absent).
     */
    @Transactional
    public Unit renameUnit(String uscc, String newName, String reason, Caller caller) {
        Unit found = unit(uscc).orElseThrow(() -> ApiException.notFound("unit " + uscc));
        requireOneOf(mapper.listingDecidersOfUnit(found.id()), caller, "unit " + uscc);
        Unit unit = toUnit(mapper.lockUnit(found.id()).orElseThrow());
        String name = requireNewName(unit.name(), newName);
        mapper.updateUnitName(unit.id(), name);
        mapper.insertNameChange(new NameChangeRow(null, "UNIT", unit.id(), null, unit.name(), name, reason.strip(),
                caller.department(), actorRole(caller), clock.instant()));
        return toUnit(mapper.findUnitById(unit.id()).orElseThrow());
    }

    /** Changes a person's registered name, under the same rule and with the same history as a unit's. */
    @Transactional
    public Person renamePerson(String publicId, String newName, String reason, Caller caller) {
        Person found = personOr404(publicId);
        requireOneOf(mapper.listingDecidersOfPerson(found.id()), caller, "person " + publicId);
        Person person = toPerson(mapper.lockPerson(found.id()).orElseThrow());
        String name = requireNewName(person.name(), newName);
        mapper.updatePersonName(person.id(), name);
        mapper.insertNameChange(new NameChangeRow(null, "PERSON", null, person.id(), person.name(), name, reason.strip(),
                caller.department(), actorRole(caller), clock.instant()));
        return toPerson(mapper.findPersonById(person.id()).orElseThrow());
    }

    /** Whether the caller has a case of the unit (recorded a violation of it or holds a listing of it); ADMIN always. */
    public boolean hasCaseOf(Unit unit, Caller caller) {
        return caller.owns(ownerAmong(mapper.caseDepartmentsOfUnit(unit.id()), caller));
    }

    public List<NameChange> nameHistory(Unit unit) {
        return mapper.findNameChangesOfUnit(unit.id()).stream().map(SubjectService::toNameChange).toList();
    }

    public List<NameChange> nameHistory(Person person) {
        return mapper.findNameChangesOfPerson(person.id()).stream().map(SubjectService::toNameChange).toList();
    }

    /**
     * The one ownership rule (Caller.owns) for a subject that several departments may have a case
     * of: the caller owns it when one of those departments is the caller's; ADMIN always does.
     */
    private static void requireOneOf(List<String> departments, Caller caller, String what) {
        caller.requireOwns(ownerAmong(departments, caller), what);
    }

    /** The caller's department if it is one of {@code departments}, else none: the owner to check against. */
    private static String ownerAmong(List<String> departments, Caller caller) {
        return departments.contains(caller.department()) ? caller.department() : "";
    }

    private Person personOr404(String publicId) {
        return personByPublicId(publicId).orElseThrow(() -> ApiException.notFound("person " + publicId));
    }

    private static String requireNewName(String current, String requested) {
        String name = SubjectName.normalise(requested);
        if (name.equals(current)) {
            throw ApiException.badField("name", "is already the registered name");
        }
        return name;
    }

    private static String actorRole(Caller caller) {
        return caller.hasRole("ADMIN") ? "ADMIN" : "ENFORCEMENT";
    }

    private Optional<Person> personByPublicId(String publicId) {
        // Only a well-formed UUID reaches the database: anything else is simply not a person id.
        try {
            return mapper.findPersonByPublicId(UUID.fromString(publicId).toString()).map(SubjectService::toPerson);
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    /**
     * The subject keys a person had under former HMAC keys (for the audit search: check audit rows
     * keep the key they were written with); none for a unit key.
     */
    public List<String> formerKeysOf(String subjectKey) {
        return subjectKey.startsWith("P:") ? mapper.formerKeysOf(subjectKey.substring(2)) : List.of();
    }

    /** Finds a person by ID number without the number ever being stored or logged. */
    public Optional<Person> findPerson(ResidentIdNumber id) {
        return findPersonRow(id).map(SubjectService::toPerson);
    }

    /**
     * As {@link #findPersonRow}, locking the row found for the caller's transaction, so that a
     * re-hash (which moves the person's listings to the new key) cannot pass a listing being
     * proposed under the old one. A person re-hashed while we waited is then found under the new key.
     */
    private Optional<PersonRow> findPersonRowForShare(ResidentIdNumber id) {
        String hash = protector.hash(id);
        Optional<PersonRow> current = mapper.findPersonByHashForShare(hash);
        if (current.isPresent() || protector.previousHmacKeyIds().isEmpty()) {
            return current;
        }
        return protector.previousHashes(id).stream().map(mapper::findPersonByHashForShare).flatMap(Optional::stream)
                .findFirst().or(() -> mapper.findPersonByHashForShare(hash));
    }

    /** By the hash under the current key, else (while the key is rotated) under a previous one. */
    private Optional<PersonRow> findPersonRow(ResidentIdNumber id) {
        Optional<PersonRow> current = mapper.findPersonByHash(protector.hash(id));
        if (current.isPresent() || protector.previousHmacKeyIds().isEmpty()) {
            return current;
        }
        return protector.previousHashes(id).stream().map(mapper::findPersonByHash).flatMap(Optional::stream).findFirst();
    }

    /** One reveal of the full number: to whom, when and why (the number is in the answer only). */
    public record Reveal(String personId, String idNumber, String department, String reason, Instant revealedAt) {
    }

    /**
     * The plain ID number, for the credit office only, with the reason it gives: the reveal is
     * recorded (who, when, which person, why) in the same transaction, or not given at all.
     */
    @Transactional
    public Reveal revealIdNumber(String publicId, String reason, Caller caller) {
        Person person = visiblePerson(publicId, caller);
        Instant now = clock.instant();
        mapper.insertReveal(new RevealRow(null, person.id(), caller.department(), reason.strip(), now));
        String plain = mapper.findPersonById(person.id()).map(p -> protector.decrypt(p.idCipher(), p.idCipherKey())).orElseThrow();
        log.info("personal ID number of person {} revealed to {}", person.publicId(), caller.department());
        return new Reveal(person.publicId(), plain, caller.department(), reason.strip(), now);
    }

    /** Every reveal of the person's number, newest first (without the number). */
    public List<Reveal> reveals(String publicId, Caller caller) {
        Person person = visiblePerson(publicId, caller);
        return mapper.findRevealsOfPerson(person.id()).stream()
                .map(r -> new Reveal(person.publicId(), null, r.actorDepartment(), r.reason(), r.revealedAt()))
                .toList();
    }

    /** The stable key of a person in listings and events: never the ID number. */
    public static String personKey(String idHash) {
        return "P:" + idHash;
    }

    public static String unitKey(String uscc) {
        return "U:" + uscc;
    }

    private UnitRow insertUnit(UnifiedSocialCreditCode code, String name, String overrideBy, String overrideReason) {
        if (name == null || name.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "unit name is required")
                    .with("errors", List.of(new FieldError("unitName", "is required")));
        }
        mapper.insertUnit(new UnitRow(null, code.value(), SubjectName.normalise(name), code.areaCode(), overrideBy, overrideReason, clock.instant()));
        return mapper.findUnitByUscc(code.value()).orElseThrow();
    }

    private static ApiException notFound(String what, long id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", "no " + what + " " + id);
    }

    private static Unit toUnit(UnitRow row) {
        return new Unit(row.id(), row.uscc(), row.name(), row.areaCode(), row.checkOverrideBy(), row.checkOverrideReason());
    }

    private static Person toPerson(PersonRow row) {
        return new Person(row.id(), row.publicId(), personKey(row.idHash()), row.idMasked(), row.name());
    }

    private static NameChange toNameChange(NameChangeRow row) {
        return new NameChange(row.oldName(), row.newName(), row.reason(), row.actorDepartment(), row.actorRole(),
                row.changedAt());
    }
}
