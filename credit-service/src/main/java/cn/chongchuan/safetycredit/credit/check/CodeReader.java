package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.domain.CheckCode;
import cn.chongchuan.safetycredit.credit.subject.PersonalIdProtector;
import cn.chongchuan.safetycredit.credit.subject.SubjectService;
import cn.chongchuan.safetycredit.credit.subject.domain.InvalidCodeException;
import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a code asked about into the subject readings it stands for: U:&lt;uscc&gt;, or
 * P:&lt;keyed hash&gt; computed here (the number is not looked up), both for a code valid under
 * both standards. The only database read is whether a USCC with a wrong check character is a
 * pilot code the credit office registered.
 */
@Component
class CodeReader {

    /** The check's log lines keep the logger name they had before the check was split up. */
    private static final Logger log = LoggerFactory.getLogger(CheckService.class);

    private final PersonalIdProtector protector;
    private final SubjectService subjects;

    CodeReader(PersonalIdProtector protector, SubjectService subjects) {
        this.protector = protector;
        this.subjects = subjects;
    }

    /** The subject a code stands for; {@code field} names the input in the error of an invalid code. */
    SubjectReading read(String raw, String subjectType, String field) {
        CheckCode code;
        try {
            code = CheckCode.parse(raw, subjectType, field);
        } catch (InvalidCodeException e) {
            code = registeredPilotCode(raw, subjectType, field, e);
        }
        return switch (code) {
            case CheckCode.UnitCode unit -> new SubjectReading(SubjectService.unitKey(unit.uscc().value()), CheckCode.UNIT,
                    unit.uscc().value(), List.of(), null);
            case CheckCode.PersonCode person -> subjectType == null
                    ? personOrRegisteredPilotUnit(raw, person.id()) : personReading(person.id());
            case CheckCode.EitherCode either -> new SubjectReading(SubjectService.unitKey(either.uscc().value()),
                    CheckCode.UNIT, either.uscc().value(), List.of(), personReading(either.id()));
        };
    }

    /**
     * Every subject key the checks of this code may have been audited under: each reading's key,
     * and a person's keys under former HMAC keys (audit rows keep the key they were written with).
     */
    List<String> auditedKeys(String raw) {
        List<String> keys = new ArrayList<>(read(raw, null, "code").keys());
        for (String key : List.copyOf(keys)) {
            keys.addAll(subjects.formerKeysOf(key));
        }
        return keys.stream().distinct().toList();
    }

    private SubjectReading personReading(ResidentIdNumber id) {
        return new SubjectReading(SubjectService.personKey(protector.hash(id)), CheckCode.PERSON, id.masked(), List.of(),
                null, protector.previousHashes(id).stream().map(SubjectService::personKey).toList());
    }

    /**
     * A valid ID number that is also a registered pilot code (a USCC accepted with a wrong check
     * character): looked up as both, like a code valid under both standards.
     */
    private SubjectReading personOrRegisteredPilotUnit(String raw, ResidentIdNumber id) {
        SubjectReading person = personReading(id);
        try {
            String uscc = CheckCode.parseUnitFormat(raw, "code").uscc().value();
            return isRegisteredPilotCode(uscc)
                    ? new SubjectReading(SubjectService.unitKey(uscc), CheckCode.UNIT, uscc, List.of(), person) : person;
        } catch (InvalidCodeException notAUnitCode) {
            return person;
        }
    }

    /** A USCC that fails only its check character is accepted when an admin registered it as a pilot code. */
    private CheckCode registeredPilotCode(String raw, String subjectType, String field, InvalidCodeException failure) {
        if (!failure.isCheckCharacterMismatch() || CheckCode.PERSON.equals(subjectType)) {
            throw failure;
        }
        CheckCode.UnitCode unit;
        try {
            unit = CheckCode.parseUnitFormat(raw, field);
        } catch (InvalidCodeException notUnit) {
            throw failure;
        }
        if (isRegisteredPilotCode(unit.uscc().value())) {
            return unit;
        }
        throw failure;
    }

    private boolean isRegisteredPilotCode(String uscc) {
        try {
            return subjects.unit(uscc).filter(u -> u.checkOverrideBy() != null).isPresent();
        } catch (DataAccessException e) {
            log.warn("cannot look up a possible pilot code: {}", e.getClass().getSimpleName());
            return false;
        }
    }
}
