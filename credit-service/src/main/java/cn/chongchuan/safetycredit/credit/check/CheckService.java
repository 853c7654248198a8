package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.catalogue.CatalogueService;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.credit.check.CheckAnswer.Basis;
import cn.chongchuan.safetycredit.credit.check.CheckAnswer.ItemError;
import cn.chongchuan.safetycredit.credit.check.CheckAnswer.MeasureView;
import cn.chongchuan.safetycredit.credit.check.CheckAnswer.Receipt;
import cn.chongchuan.safetycredit.credit.check.audit.CheckAuditMapper;
import cn.chongchuan.safetycredit.credit.check.audit.CheckAuditRow;
import cn.chongchuan.safetycredit.credit.check.audit.CheckAuditWriter;
import cn.chongchuan.safetycredit.credit.check.cache.CheckCache;
import cn.chongchuan.safetycredit.credit.check.domain.CheckCode;
import cn.chongchuan.safetycredit.credit.check.domain.CheckStatus;
import cn.chongchuan.safetycredit.credit.check.domain.KeySupervisionFact;
import cn.chongchuan.safetycredit.credit.check.domain.ListingFact;
import cn.chongchuan.safetycredit.credit.check.domain.ReceiptContent;
import cn.chongchuan.safetycredit.credit.check.domain.SubjectFacts;
import cn.chongchuan.safetycredit.credit.check.domain.SubjectFacts.Verdict;
import cn.chongchuan.safetycredit.credit.check.receipt.GroupSigner;
import cn.chongchuan.safetycredit.credit.check.receipt.GroupSigner.Signed;
import cn.chongchuan.safetycredit.credit.check.receipt.ReceiptSigner;
import cn.chongchuan.safetycredit.credit.listing.ListingProperties;
import cn.chongchuan.safetycredit.credit.subject.PersonalIdProtector;
import cn.chongchuan.safetycredit.credit.subject.SubjectService;
import cn.chongchuan.safetycredit.credit.subject.domain.InvalidCodeException;
import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.web.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The licensing check: answers CLEAR, LISTED or PROPOSED for one code or a batch, from the Redis
 * cache, from MySQL on a miss (filling the cache through the version guard), or from the listing
 * history for a past instant; signs a receipt for every answer and queues its audit row.
 */
@Service
public class CheckService {

    private static final Logger log = LoggerFactory.getLogger(CheckService.class);

    public static final String SOURCE_CACHE = "cache";
    public static final String SOURCE_DATABASE = "database";
    public static final String SOURCE_HISTORY = "history";

    private final PersonalIdProtector protector;
    private final SubjectService subjects;
    private final CheckCache cache;
    private final SubjectFactsReader reader;
    private final CheckCacheMaintainer maintainer;
    private final MeasureCatalogue measures;
    private final ReceiptSigner signer;
    private final GroupSigner groupSigner;
    private final CheckAuditWriter audit;
    private final CheckAuditMapper auditRows;
    private final CatalogueService catalogue;
    private final ListingProperties listing;
    private final CheckProperties properties;
    private final Clock clock;
    private final Map<String, Counter> answers = new HashMap<>();
    private volatile Map<String, Criterion> criteria = Map.of();
    /** When reading the criteria last failed (System.nanoTime): no retry on the check path for a while. */
    private volatile long criteriaFailedAt = System.nanoTime() - CRITERIA_RETRY_NANOS;
    private static final long CRITERIA_RETRY_NANOS = 30_000_000_000L;

    CheckService(PersonalIdProtector protector, SubjectService subjects, CheckCache cache, SubjectFactsReader reader,
            CheckCacheMaintainer maintainer, MeasureCatalogue measures, ReceiptSigner signer, GroupSigner groupSigner, CheckAuditWriter audit,
            CheckAuditMapper auditRows, CatalogueService catalogue, ListingProperties listing,
            CheckProperties properties, Clock clock, MeterRegistry meters) {
        this.protector = protector;
        this.subjects = subjects;
        this.cache = cache;
        this.reader = reader;
        this.maintainer = maintainer;
        this.measures = measures;
        this.signer = signer;
        this.groupSigner = groupSigner;
        this.audit = audit;
        this.auditRows = auditRows;
        this.catalogue = catalogue;
        this.listing = listing;
        this.properties = properties;
        this.clock = clock;
        for (String source : List.of(SOURCE_CACHE, SOURCE_DATABASE, SOURCE_HISTORY)) {
            answers.put(source, Counter.builder("credit.check.answers").tag("source", source)
                    .description("check answers by where they came from").register(meters));
        }
    }

    /** The answers, in the order of the codes' first appearance, and whether any could not be given now. */
    public record Outcome(List<CheckAnswer> results, boolean unavailable) {
    }

    /**
     * A code understood: where it was in the input, whose it is, and how it is shown back; for a
     * code valid under both standards, this is its unit reading and {@code asPerson} its person
     * reading (the check looks up both).
     */
    private record Subject(String key, String subjectType, String displayCode, List<Integer> positions,
            Subject asPerson, List<String> previousKeys) {

        /** A subject with one key (a unit, or a person while no HMAC key rotation runs). */
        Subject(String key, String subjectType, String displayCode, List<Integer> positions, Subject asPerson) {
            this(key, subjectType, displayCode, positions, asPerson, List.of());
        }

        Subject at(List<Integer> positions) {
            return new Subject(key, subjectType, displayCode, positions, asPerson == null ? null : asPerson.at(positions),
                    previousKeys);
        }

        /** Every key the answer needs: a person's keys under previous HMAC keys too while they are rotated. */
        List<String> keys() {
            List<String> keys = new ArrayList<>(1 + previousKeys.size() + (asPerson == null ? 0 : 1));
            keys.add(key);
            keys.addAll(previousKeys);
            if (asPerson != null) {
                keys.addAll(asPerson.keys());
            }
            return keys;
        }

        /**
         * The keys of a person reading while the HMAC key is rotated (none otherwise): read together
         * from the database, never half from the cache, so that a re-hash committing between two
         * reads cannot leave the person's listings under neither key.
         */
        List<String> rotatingKeys() {
            List<String> keys = new ArrayList<>();
            if (!previousKeys.isEmpty()) {
                keys.add(key);
                keys.addAll(previousKeys);
            }
            if (asPerson != null) {
                keys.addAll(asPerson.rotatingKeys());
            }
            return keys;
        }

        /**
         * This reading's facts: a person not yet re-hashed has its listings under a previous key, one
         * already moved under the current one — the union is the person's (null: not answerable now).
         */
        Answered factsFrom(Map<String, Answered> answered) {
            Answered facts = answered.get(key);
            for (String previous : previousKeys) {
                Answered more = answered.get(previous);
                if (facts == null || more == null) {
                    return null;
                }
                List<ListingFact> listings = new ArrayList<>(facts.facts().listings());
                listings.addAll(more.facts().listings());
                KeySupervisionFact supervision = facts.facts().keySupervision() != null
                        ? facts.facts().keySupervision() : more.facts().keySupervision();
                facts = new Answered(new SubjectFacts(key, facts.facts().version(), listings, supervision),
                        SOURCE_CACHE.equals(facts.source()) ? more.source() : facts.source());
            }
            return facts;
        }
    }

    /**
     * Checks codes for the asking department. {@code field} names the input in errors ("code" or
     * "codes"; a batch item is "codes[i]"). An invalid code is an error item, never a failed batch.
     */
    public Outcome check(List<String> codes, String subjectType, Instant asOf, Caller caller, boolean batch) {
        if (subjectType != null && !CheckCode.UNIT.equals(subjectType) && !CheckCode.PERSON.equals(subjectType)) {
            throw ApiException.badField("subjectType", "must be UNIT or PERSON");
        }
        if (asOf != null && asOf.isAfter(clock.instant())) {
            throw ApiException.badField("asOf", "is in the future");
        }
        List<Object> items = new ArrayList<>(codes.size());
        Map<String, Subject> distinct = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            String field = batch ? "codes[" + i + "]" : "code";
            try {
                Subject parsed = understand(codes.get(i), subjectType, field);
                Subject seen = distinct.get(parsed.key());
                if (seen == null) {
                    List<Integer> positions = new ArrayList<>(1);
                    positions.add(i);
                    seen = parsed.at(positions);
                    distinct.put(seen.key(), seen);
                    items.add(seen);
                } else {
                    seen.positions().add(i);
                }
            } catch (InvalidCodeException e) {
                if (!batch) {
                    throw e;
                }
                items.add(CheckAnswer.failed(List.of(i), new ItemError("invalid-code", e.field(), e.getMessage(),
                        e.position() > 0 ? e.position() : null, e.expected() == null ? null : String.valueOf(e.expected()), null)));
            }
        }
        Map<String, Answered> answered = answer(distinct.values().stream().flatMap(s -> s.keys().stream())
                .distinct().toList(), asOf, distinct.values().stream().flatMap(s -> s.rotatingKeys().stream())
                .collect(Collectors.toSet()));
        Instant checkedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant registerSince = null;
        if (asOf != null) {
            try {
                registerSince = uncoveredBy(asOf, checkedAt);
            } catch (DataAccessException e) {
                // Without knowing what the register covers, no answer at a past instant is given.
                log.warn("register start unreadable: {}", e.getClass().getSimpleName());
                answered.clear();
            }
        }
        boolean unavailable = false;
        List<Object> drafts = new ArrayList<>(items.size());
        List<Draft> toSign = new ArrayList<>(distinct.size());
        for (Object item : items) {
            if (item instanceof CheckAnswer failed) {
                drafts.add(failed);
                continue;
            }
            Subject subject = (Subject) item;
            Answered facts = subject.factsFrom(answered);
            Answered asPerson = subject.asPerson() == null ? null : subject.asPerson().factsFrom(answered);
            if (facts == null || (subject.asPerson() != null && asPerson == null)) {
                unavailable = true;
                drafts.add(CheckAnswer.failed(subject.positions(), new ItemError("unavailable", null,
                        "the register cannot be read right now and this answer is not cached; retry later",
                        null, null, properties.retryAfter().toSeconds())));
                continue;
            }
            Draft draft = draft(subject, facts, asPerson, asOf, registerSince, checkedAt, caller);
            drafts.add(draft);
            toSign.add(draft);
        }
        List<Signed> signatures = groupSigner.sign(toSign.stream().map(d -> d.content().canonical()).toList());
        List<CheckAnswer> results = new ArrayList<>(drafts.size());
        int signed = 0;
        for (Object item : drafts) {
            if (item instanceof Draft draft) {
                Signed signature = signatures.get(signed++);
                Receipt receipt = new Receipt(draft.content().receiptId(), checkedAt, signer.keyId(),
                        signature.algorithm(), signature.signature(), draft.content().canonical(),
                        signature.statement(), signature.proof());
                audit.record(new CheckAuditRow(receipt.id(), caller.department(), draft.subject().key(),
                        draft.verdict().status().name(), draft.source(), asOf, checkedAt, receipt.signedText(),
                        receipt.signature(), receipt.keyId(), receipt.batchStatement(),
                        receipt.proof() == null ? null : String.join(",", receipt.proof())));
                answers.get(draft.source()).increment();
                results.add(draft.answer(receipt));
            } else {
                results.add((CheckAnswer) item);
            }
        }
        return new Outcome(results, unavailable);
    }

    /** An answer before its receipt is signed. */
    private record Draft(Subject subject, List<String> lookedUpAs, String source, Verdict verdict, List<Basis> bases,
            List<Measure> measures, CheckAnswer.KeySupervision keySupervision, Instant asOf, Instant registerSince,
            ReceiptContent content) {

        CheckAnswer answer(Receipt receipt) {
            return new CheckAnswer(subject.positions(), subject.displayCode(), subject.subjectType(), lookedUpAs,
                    verdict.status(), source, asOf, registerSince, bases.isEmpty() ? null : bases.getFirst(),
                    bases.isEmpty() ? null : bases,
                    verdict.status() == CheckStatus.LISTED
                            ? measures.stream().map(m -> new MeasureView(m.code(), m.title(), m.legalBasis())).toList()
                            : null,
                    keySupervision, receipt, null);
        }
    }

    /** The stored receipt: an APPROVAL department sees its own, ADMIN all. */
    public Optional<CheckAuditRow> receipt(String receiptId, Caller caller) {
        Optional<CheckAuditRow> row = audit.pending(receiptId).or(() -> auditRows.findByReceiptId(receiptId));
        return row.filter(r -> caller.owns(r.departmentCode()));
    }

    /**
     * The audit, newest first; {@code code} (a USCC or ID number) is turned into its subject key, a
     * code valid under both standards into both.
     */
    public List<CheckAuditRow> auditTrail(String department, String code, Instant from, Instant to, int page, int size) {
        List<String> keys = null;
        if (code != null && !code.isBlank()) {
            // Audit rows keep the key they were written with: a person's keys under former HMAC keys too.
            keys = new ArrayList<>(understand(code, null, "code").keys());
            for (String key : List.copyOf(keys)) {
                keys.addAll(subjects.formerKeysOf(key));
            }
            keys = keys.stream().distinct().toList();
        }
        return auditRows.search(department, keys, from, to, size, page * size);
    }

    public ReceiptSigner signer() {
        return signer;
    }

    private record Answered(SubjectFacts facts, String source) {
    }

    /** Facts for each subject key, from the cache, the database or the history; a key is absent when unanswerable now. */
    private Map<String, Answered> answer(List<String> keys, Instant asOf, Set<String> databaseOnly) {
        Map<String, Answered> answered = new HashMap<>();
        if (keys.isEmpty()) {
            return answered;
        }
        if (asOf != null) {
            try {
                reader.asOf(keys, asOf).forEach((key, facts) -> answered.put(key, new Answered(facts, SOURCE_HISTORY)));
            } catch (DataAccessException e) {
                log.warn("listing history unreachable: {}", e.getClass().getSimpleName());
            }
            return answered;
        }
        List<String> misses = keys;
        boolean cacheUsable = false;
        if (properties.cacheEnabled()) {
            Optional<List<SubjectFacts>> cached = cache.lookup(keys);
            if (cached.isPresent()) {
                cacheUsable = true;
                misses = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) {
                    SubjectFacts facts = cached.get().get(i);
                    if (facts == null || maintainer.isUnsynced(keys.get(i)) || databaseOnly.contains(keys.get(i))) {
                        misses.add(keys.get(i));
                    } else {
                        answered.put(keys.get(i), new Answered(facts, SOURCE_CACHE));
                    }
                }
            }
        }
        if (misses.isEmpty()) {
            return answered;
        }
        Map<String, SubjectFacts> loaded;
        try {
            loaded = reader.current(misses);
        } catch (DataAccessException e) {
            log.warn("register unreachable for {} uncached subjects: {}", misses.size(), e.getClass().getSimpleName());
            return answered;
        }
        loaded.forEach((key, facts) -> answered.put(key, new Answered(facts, SOURCE_DATABASE)));
        if (cacheUsable) {
            cache.store(loaded.values());
        }
        return answered;
    }

    private Draft draft(Subject read, Answered readFacts, Answered asPersonFacts, Instant asOf, Instant registerSince,
            Instant checkedAt, Caller caller) {
        LocalDate day = LocalDate.ofInstant(asOf != null ? asOf : clock.instant(), listing.zone());
        Subject subject = read;
        Answered answered = readFacts;
        Verdict verdict = readFacts.facts().verdictOn(day);
        List<String> lookedUpAs = null;
        String basisType = read.subjectType();
        List<TypedFact> bases = new ArrayList<>();
        if (read.asPerson() != null) {
            // Valid as a USCC and as an ID number: the graver reading answers (LISTED over PROPOSED
            // over CLEAR), so a listed subject is never CLEAR whichever it is. When neither is on the
            // register, the answer names no subject type and keeps only the person reading's key and
            // masked code, so that no receipt or audit row holds a plain number that may be an ID.
            // When both readings are equally grave, the unit answers and the person's listings are
            // further bases of the same answer.
            lookedUpAs = List.of(CheckCode.UNIT, CheckCode.PERSON);
            Verdict asPerson = asPersonFacts.facts().verdictOn(day);
            if (gravity(asPerson.status()) > gravity(verdict.status()) || gravity(verdict.status()) == 0) {
                Subject person = read.asPerson();
                subject = gravity(asPerson.status()) == 0
                        ? new Subject(person.key(), null, person.displayCode(), person.positions(), null,
                                person.previousKeys()) : person;
                answered = asPersonFacts;
                verdict = asPerson;
                basisType = CheckCode.PERSON;
            } else if (asPerson.status() == verdict.status()) {
                verdict.bases().forEach(f -> bases.add(new TypedFact(CheckCode.UNIT, f)));
                asPerson.bases().forEach(f -> bases.add(new TypedFact(CheckCode.PERSON, f)));
            }
        }
        if (bases.isEmpty()) {
            String type = basisType;
            verdict.bases().forEach(f -> bases.add(new TypedFact(type, f)));
        }
        boolean listed = verdict.status() == CheckStatus.LISTED;
        List<Basis> basisViews = bases.stream().map(b -> basisView(b, listed)).toList();
        Basis basis = basisViews.isEmpty() ? null : basisViews.getFirst();
        List<Measure> applicable = listed
                ? bases.stream().map(TypedFact::subjectType).distinct()
                        .flatMap(type -> measures.applicableTo(caller.department(), type).stream()).distinct().toList()
                : List.of();
        List<ReceiptContent.Basis> otherBases = basisViews.stream().skip(1)
                .map(b -> new ReceiptContent.Basis(b.listingId(), b.subjectType(), b.criterionCode(),
                        b.decidingDepartment(), b.listedFrom(), b.listedUntil(), b.decisionNumber()))
                .toList();
        ReceiptContent content = new ReceiptContent(UUID.randomUUID().toString(), checkedAt, asOf, registerSince,
                caller.department(),
                subject.key(), subject.displayCode(), lookedUpAs, verdict.status(), basis == null ? null : basis.listingId(),
                basis == null ? null : basis.criterionCode(), basis == null ? null : basis.decisionNumber(),
                basis == null ? null : basis.decidingDepartment(), basis == null ? null : basis.listedFrom(),
                basis == null ? null : basis.listedUntil(), applicable.stream().map(Measure::code).toList(), otherBases);
        // Key supervision is information about whoever holds the code: either reading's.
        Optional<KeySupervisionFact> supervised = answered.facts().keySupervisionOn(day);
        if (supervised.isEmpty() && answered != readFacts) {
            supervised = readFacts.facts().keySupervisionOn(day);
        }
        CheckAnswer.KeySupervision keySupervision = supervised
                .map(k -> new CheckAnswer.KeySupervision(k.from(), k.until(), k.department(),
                        catalogue.departmentName(k.department()), "一案五制重点监管（案件 " + k.caseNumber() + "）"))
                .orElse(null);
        return new Draft(subject, lookedUpAs, answered.source(), verdict, basisViews, applicable, keySupervision, asOf,
                registerSince, content);
    }

    /** A listing the answer rests on, with the subject type of the reading it belongs to. */
    private record TypedFact(String subjectType, ListingFact fact) {
    }

    private Basis basisView(TypedFact typed, boolean listed) {
        ListingFact fact = typed.fact();
        Criterion criterion = criterion(fact.criterionCode());
        return new Basis(fact.listingId(), typed.subjectType(), fact.state().name(), fact.criterionCode(),
                criterion == null ? null : criterion.title(), listed ? fact.decisionNumber() : null, fact.department(),
                catalogue.departmentName(fact.department()), listed ? fact.listedFrom() : null,
                listed ? fact.listedUntil() : null);
    }

    /** A code as a subject key: U:&lt;uscc&gt;, or P:&lt;keyed hash&gt; computed here (the number is not looked up). */
    private Subject understand(String raw, String subjectType, String field) {
        CheckCode code;
        try {
            code = CheckCode.parse(raw, subjectType, field);
        } catch (InvalidCodeException e) {
            code = registeredPilotCode(raw, subjectType, field, e);
        }
        return switch (code) {
            case CheckCode.UnitCode unit -> new Subject(SubjectService.unitKey(unit.uscc().value()), CheckCode.UNIT,
                    unit.uscc().value(), List.of(), null);
            case CheckCode.PersonCode person -> subjectType == null
                    ? personOrRegisteredPilotUnit(raw, person.id()) : personReading(person.id());
            case CheckCode.EitherCode either -> new Subject(SubjectService.unitKey(either.uscc().value()), CheckCode.UNIT,
                    either.uscc().value(), List.of(), personReading(either.id()));
        };
    }

    private Subject personReading(ResidentIdNumber id) {
        return new Subject(SubjectService.personKey(protector.hash(id)), CheckCode.PERSON, id.masked(), List.of(), null,
                protector.previousHashes(id).stream().map(SubjectService::personKey).toList());
    }

    /**
     * A valid ID number that is also a registered pilot code (a USCC accepted with a wrong check
     * character): looked up as both, like a code valid under both standards.
     */
    private Subject personOrRegisteredPilotUnit(String raw, ResidentIdNumber id) {
        Subject person = personReading(id);
        try {
            String uscc = CheckCode.parseUnitFormat(raw, "code").uscc().value();
            return isRegisteredPilotCode(uscc)
                    ? new Subject(SubjectService.unitKey(uscc), CheckCode.UNIT, uscc, List.of(), person) : person;
        } catch (InvalidCodeException notAUnitCode) {
            return person;
        }
    }

    private boolean isRegisteredPilotCode(String uscc) {
        try {
            return subjects.unit(uscc).filter(u -> u.checkOverrideBy() != null).isPresent();
        } catch (DataAccessException e) {
            log.warn("cannot look up a possible pilot code: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    /**
     * For an answer at a past instant: when the register began, if {@code asOf} is before that (the
     * register cannot say what was true then, and a CLEAR must not read as if it could); null when
     * the register covers {@code asOf}. A register without any record covers nothing yet.
     */
    private Instant uncoveredBy(Instant asOf, Instant checkedAt) {
        Instant since = reader.registerSince();
        Instant covered = since == null ? checkedAt : since;
        return asOf.isBefore(covered) ? covered : null;
    }

    /** How grave an answer is, for choosing between the two readings of an ambiguous code. */
    private static int gravity(CheckStatus status) {
        return switch (status) {
            case CLEAR -> 0;
            case PROPOSED -> 1;
            case LISTED -> 2;
        };
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

    private Criterion criterion(String code) {
        Criterion found = criteria.get(code);
        if (found == null && System.nanoTime() - criteriaFailedAt >= CRITERIA_RETRY_NANOS) {
            refreshCriteria();
            found = criteria.get(code);
        }
        return found;
    }

    @Scheduled(initialDelayString = "PT0S", fixedDelayString = "PT5M")
    void refreshCriteria() {
        try {
            criteria = catalogue.criteria().stream().collect(Collectors.toUnmodifiableMap(Criterion::code, c -> c));
        } catch (DataAccessException e) {
            criteriaFailedAt = System.nanoTime();
            log.warn("criteria not refreshed for the check: {}", e.getClass().getSimpleName());
        }
    }
}
