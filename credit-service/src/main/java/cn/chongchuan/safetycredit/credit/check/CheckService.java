package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.CheckAnswer.ItemError;
import cn.chongchuan.safetycredit.credit.check.domain.CheckCode;
import cn.chongchuan.safetycredit.credit.check.domain.CheckStatus;
import cn.chongchuan.safetycredit.credit.listing.ListingProperties;
import cn.chongchuan.safetycredit.credit.subject.domain.InvalidCodeException;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.web.Caller;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The licensing check: answers CLEAR, LISTED or PROPOSED for one code or a batch. It reads the
 * codes ({@link CodeReader}), finds each subject's facts once — now from the cache or MySQL
 * ({@link CurrentFacts}), or at a past instant from the listing history ({@link RegisterHistory})
 * — makes each answer ({@link AnswerAssembler}) and has them signed and audited together
 * ({@link CheckReceipts}).
 */
@Service
public class CheckService {

    private static final Logger log = LoggerFactory.getLogger(CheckService.class);

    public static final String SOURCE_CACHE = "cache";
    public static final String SOURCE_DATABASE = "database";
    public static final String SOURCE_HISTORY = "history";

    private final CodeReader codeReader;
    private final SubjectFactsReader factsReader;
    private final CurrentFacts current;
    private final RegisterHistory history;
    private final AnswerAssembler assembler;
    private final CheckReceipts receipts;
    private final CheckProperties properties;
    private final ListingProperties listing;
    private final Clock clock;
    /** Answers given, by source then status (counters made once: the check is the hot path). */
    private final Map<String, Map<CheckStatus, Counter>> answers = new HashMap<>();

    CheckService(CodeReader codeReader, SubjectFactsReader factsReader, CurrentFacts current, RegisterHistory history,
            AnswerAssembler assembler, CheckReceipts receipts, CheckProperties properties, ListingProperties listing,
            Clock clock, MeterRegistry meters) {
        this.codeReader = codeReader;
        this.factsReader = factsReader;
        this.listing = listing;
        this.current = current;
        this.history = history;
        this.assembler = assembler;
        this.receipts = receipts;
        this.properties = properties;
        this.clock = clock;
        for (String source : List.of(SOURCE_CACHE, SOURCE_DATABASE, SOURCE_HISTORY)) {
            Map<CheckStatus, Counter> byStatus = new EnumMap<>(CheckStatus.class);
            for (CheckStatus status : CheckStatus.values()) {
                byStatus.put(status, Counter.builder("credit.check.answers").tag("source", source)
                        .tag("status", status.name())
                        .description("check answers given, by where the facts came from and the answer").register(meters));
            }
            answers.put(source, byStatus);
        }
    }

    /** The answers, in the order of the codes' first appearance, and whether any could not be given now. */
    public record Outcome(List<CheckAnswer> results, boolean unavailable) {
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
        Map<String, SubjectReading> distinct = new LinkedHashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            String field = batch ? "codes[" + i + "]" : "code";
            try {
                SubjectReading parsed = codeReader.read(codes.get(i), subjectType, field);
                SubjectReading seen = distinct.get(parsed.key());
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
        Map<String, FoundFacts> found = find(distinct.values().stream().flatMap(s -> s.keys().stream())
                .distinct().toList(), asOf, distinct.values().stream().flatMap(s -> s.rotatingKeys().stream())
                .collect(Collectors.toSet()));
        Instant checkedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant registerSince = null;
        if (asOf != null) {
            try {
                registerSince = history.uncoveredBy(asOf, checkedAt);
            } catch (DataAccessException e) {
                // Without knowing what the register covers, no answer at a past instant is given.
                log.warn("register start unreadable: {}", e.getClass().getSimpleName());
                found.clear();
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
            SubjectReading subject = (SubjectReading) item;
            FoundFacts facts = subject.factsFrom(found);
            FoundFacts asPerson = subject.asPerson() == null ? null : subject.asPerson().factsFrom(found);
            if (facts == null || (subject.asPerson() != null && asPerson == null)) {
                unavailable = true;
                drafts.add(CheckAnswer.failed(subject.positions(), new ItemError("unavailable", null,
                        "the register cannot be read right now and this answer is not cached; retry later",
                        null, null, properties.retryAfter().toSeconds())));
                continue;
            }
            Draft draft = assembler.draft(subject, facts, asPerson, asOf, registerSince, checkedAt, caller.department());
            drafts.add(draft);
            toSign.add(draft);
        }
        List<CheckAnswer> signed = receipts.issue(toSign, caller.department(), asOf, checkedAt);
        List<CheckAnswer> results = new ArrayList<>(drafts.size());
        int next = 0;
        for (Object item : drafts) {
            if (item instanceof Draft draft) {
                answers.get(draft.source()).get(draft.verdict().status()).increment();
                results.add(signed.get(next++));
            } else {
                results.add((CheckAnswer) item);
            }
        }
        return new Outcome(results, unavailable);
    }

    /**
     * A subject a code stands for, as the check reads it: its key (U:&lt;uscc&gt; or P:&lt;keyed
     * hash&gt; under the current HMAC key), UNIT or PERSON, and a person's keys under the previous
     * HMAC keys while a rotation runs (a person not yet re-hashed is still on the register under one).
     */
    public record CheckedSubject(String key, String subjectType, List<String> previousKeys) {

        public CheckedSubject {
            previousKeys = List.copyOf(previousKeys);
        }
    }

    /**
     * The subjects a code stands for, validated exactly as a check validates it (check characters,
     * registered pilot codes, {@code subjectType}): one, or two for a code valid both as a USCC and
     * as an ID number (its unit reading first). An invalid code throws the check's
     * {@link InvalidCodeException} naming {@code field}. Nothing is audited: no answer is given.
     */
    public List<CheckedSubject> subjectsOf(String code, String subjectType, String field) {
        if (subjectType != null && !CheckCode.UNIT.equals(subjectType) && !CheckCode.PERSON.equals(subjectType)) {
            throw ApiException.badField("subjectType", "must be UNIT or PERSON");
        }
        SubjectReading reading = codeReader.read(code, subjectType, field);
        List<CheckedSubject> subjects = new ArrayList<>(2);
        subjects.add(new CheckedSubject(reading.key(), reading.subjectType(), reading.previousKeys()));
        if (reading.asPerson() != null) {
            SubjectReading person = reading.asPerson();
            subjects.add(new CheckedSubject(person.key(), person.subjectType(), person.previousKeys()));
        }
        return subjects;
    }

    /**
     * The status a check would answer today for each subject key (CLEAR, LISTED or PROPOSED), read
     * from the database in the caller's transaction: inside a transaction that changes listings it
     * is the answer that transaction leaves behind. For the changes feed, which records each
     * change with the answer it leads to; the cache is neither read nor written.
     */
    public Map<String, String> statusesNow(Collection<String> subjectKeys) {
        LocalDate today = LocalDate.now(clock.withZone(listing.zone()));
        Map<String, String> statuses = new LinkedHashMap<>();
        factsReader.current(subjectKeys).forEach((key, facts) -> statuses.put(key, facts.verdictOn(today).status().name()));
        return statuses;
    }

    /** Facts for each subject key, now (cache, then database) or at {@code asOf} (history); absent when unanswerable now. */
    private Map<String, FoundFacts> find(List<String> keys, Instant asOf, Set<String> databaseOnly) {
        return asOf != null ? history.find(keys, asOf) : current.find(keys, databaseOnly);
    }
}
