package cn.chongchuan.safetycredit.credit.subject;

import cn.chongchuan.safetycredit.credit.subject.SubjectMapper.PersonRow;
import cn.chongchuan.safetycredit.credit.subject.SubjectMapper.UnitRow;
import cn.chongchuan.safetycredit.credit.subject.domain.InvalidCodeException;
import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import cn.chongchuan.safetycredit.credit.subject.domain.UnifiedSocialCreditCode;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.problem.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Finds or registers the units and persons that violations and listings are about. */
@Service
public class SubjectService {

    private final SubjectMapper mapper;
    private final PersonalIdProtector protector;
    private final Clock clock;

    SubjectService(SubjectMapper mapper, PersonalIdProtector protector, Clock clock) {
        this.mapper = mapper;
        this.protector = protector;
        this.clock = clock;
    }

    /**
     * The unit with this code, registered now if new. A code that fails its check character is
     * accepted only when an admin has registered it with an override (a legal pilot code).
     */
    @Transactional
    public Unit resolveUnit(String rawCode, String name, String field) {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parseFormat(rawCode, field);
        Optional<UnitRow> existing = mapper.findUnitByUscc(code.value());
        if (existing.isEmpty() || existing.get().checkOverrideBy() == null) {
            UnifiedSocialCreditCode.parse(rawCode, field);
        }
        UnitRow unit = existing.orElseGet(() -> insertUnit(code, name, null, null));
        if (name != null && !name.isBlank() && !name.equals(unit.name())) {
            mapper.updateUnitName(unit.id(), name);
        }
        return toUnit(mapper.findUnitById(unit.id()).orElseThrow());
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

    /** The person with this ID number, registered now if new; the number itself is not stored. */
    @Transactional
    public Person resolvePerson(ResidentIdNumber id, String name) {
        String hash = protector.hash(id);
        PersonRow person = mapper.findPersonByHash(hash).orElseGet(() -> {
            mapper.insertPerson(new PersonRow(null, hash, protector.encrypt(id), id.masked(), name.strip(), clock.instant()));
            return mapper.findPersonByHash(hash).orElseThrow();
        });
        return toPerson(person);
    }

    public Optional<Unit> unit(String uscc) {
        return mapper.findUnitByUscc(uscc.trim().toUpperCase(Locale.ROOT)).map(SubjectService::toUnit);
    }

    public Unit unit(long id) {
        return mapper.findUnitById(id).map(SubjectService::toUnit)
                .orElseThrow(() -> notFound("unit", id));
    }

    public Person person(long id) {
        return mapper.findPersonById(id).map(SubjectService::toPerson).orElseThrow(() -> notFound("person", id));
    }

    /** Finds a person by ID number without the number ever being stored or logged. */
    public Optional<Person> findPerson(ResidentIdNumber id) {
        return mapper.findPersonByHash(protector.hash(id)).map(SubjectService::toPerson);
    }

    /** The plain ID number, for an authorised (admin) view only. */
    public String revealIdNumber(long personId) {
        return mapper.findPersonById(personId).map(p -> protector.decrypt(p.idCipher()))
                .orElseThrow(() -> notFound("person", personId));
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
        mapper.insertUnit(new UnitRow(null, code.value(), name.strip(), code.areaCode(), overrideBy, overrideReason, clock.instant()));
        return mapper.findUnitByUscc(code.value()).orElseThrow();
    }

    private static ApiException notFound(String what, long id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", "no " + what + " " + id);
    }

    private static Unit toUnit(UnitRow row) {
        return new Unit(row.id(), row.uscc(), row.name(), row.areaCode(), row.checkOverrideBy(), row.checkOverrideReason());
    }

    private static Person toPerson(PersonRow row) {
        return new Person(row.id(), personKey(row.idHash()), row.idMasked(), row.name());
    }
}
