package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.catalogue.CatalogueService;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.credit.check.CheckAnswer.Basis;
import cn.chongchuan.safetycredit.credit.check.domain.CheckCode;
import cn.chongchuan.safetycredit.credit.check.domain.CheckStatus;
import cn.chongchuan.safetycredit.credit.check.domain.KeySupervisionFact;
import cn.chongchuan.safetycredit.credit.check.domain.ListingFact;
import cn.chongchuan.safetycredit.credit.check.domain.ReceiptContent;
import cn.chongchuan.safetycredit.credit.check.domain.SubjectFacts.Verdict;
import cn.chongchuan.safetycredit.credit.listing.ListingProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes the answer about one subject from its facts: the verdict on the day (the graver reading
 * of a code valid under both standards), its bases with criterion wording and department names,
 * the measures the asking department applies, the key supervision, and the content its receipt
 * will attest.
 */
@Component
class AnswerAssembler {

    private final MeasureCatalogue measures;
    private final CatalogueService catalogue;
    private final CriteriaSnapshot criteria;
    private final ListingProperties listing;
    private final Clock clock;

    AnswerAssembler(MeasureCatalogue measures, CatalogueService catalogue, CriteriaSnapshot criteria,
            ListingProperties listing, Clock clock) {
        this.measures = measures;
        this.catalogue = catalogue;
        this.criteria = criteria;
        this.listing = listing;
        this.clock = clock;
    }

    /** The answer about {@code read} (with {@code asPersonFacts}, the facts of its person reading, if it has one). */
    Draft draft(SubjectReading read, FoundFacts readFacts, FoundFacts asPersonFacts, Instant asOf, Instant registerSince,
            Instant checkedAt, String department) {
        LocalDate day = LocalDate.ofInstant(asOf != null ? asOf : clock.instant(), listing.zone());
        SubjectReading subject = read;
        FoundFacts answered = readFacts;
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
                SubjectReading person = read.asPerson();
                subject = gravity(asPerson.status()) == 0
                        ? new SubjectReading(person.key(), null, person.displayCode(), person.positions(), null,
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
                        .flatMap(type -> measures.applicableTo(department, type).stream()).distinct().toList()
                : List.of();
        List<ReceiptContent.Basis> otherBases = basisViews.stream().skip(1)
                .map(b -> new ReceiptContent.Basis(b.listingId(), b.subjectType(), b.criterionCode(),
                        b.decidingDepartment(), b.listedFrom(), b.listedUntil(), b.decisionNumber()))
                .toList();
        ReceiptContent content = new ReceiptContent(UUID.randomUUID().toString(), checkedAt, asOf, registerSince,
                department,
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
        Criterion criterion = criteria.criterion(fact.criterionCode());
        return new Basis(fact.listingId(), typed.subjectType(), fact.state().name(), fact.criterionCode(),
                criterion == null ? null : criterion.title(), listed ? fact.decisionNumber() : null, fact.department(),
                catalogue.departmentName(fact.department()), listed ? fact.listedFrom() : null,
                listed ? fact.listedUntil() : null);
    }

    /** How grave an answer is, for choosing between the two readings of an ambiguous code. */
    private static int gravity(CheckStatus status) {
        return switch (status) {
            case CLEAR -> 0;
            case PROPOSED -> 1;
            case LISTED -> 2;
        };
    }
}
