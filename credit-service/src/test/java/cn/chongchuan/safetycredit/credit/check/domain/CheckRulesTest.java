package cn.chongchuan.safetycredit.credit.check.domain;

import cn.chongchuan.safetycredit.credit.listing.domain.ListingState;
import cn.chongchuan.safetycredit.credit.subject.domain.CodeGenerator;
import cn.chongchuan.safetycredit.credit.subject.domain.InvalidCodeException;
import cn.chongchuan.safetycredit.credit.support.AmbiguousCode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckRulesTest {

    static final LocalDate DECIDED = LocalDate.of(2026, 3, 1);
    static final CodeGenerator CODES = new CodeGenerator(new Random(7));

    static ListingFact listed(long id) {
        return new ListingFact(id, ListingState.LISTED, "OM11-03", "AJJ", "崇应急失信〔2026〕3号", DECIDED, DECIDED.plusYears(3));
    }

    static ListingFact proposed(long id) {
        return new ListingFact(id, ListingState.PROPOSED, "OM11-03", "AJJ", null, null, null);
    }

    @Test
    void listedBeatsProposedAndNothingIsClear() {
        assertThat(new SubjectFacts("U:x", 1, List.of()).verdictOn(DECIDED).status()).isEqualTo(CheckStatus.CLEAR);
        assertThat(new SubjectFacts("U:x", 1, List.of(proposed(1))).verdictOn(DECIDED).status()).isEqualTo(CheckStatus.PROPOSED);
        SubjectFacts both = new SubjectFacts("U:x", 2, List.of(proposed(2), listed(1)));
        assertThat(both.verdictOn(DECIDED).status()).isEqualTo(CheckStatus.LISTED);
        assertThat(both.verdictOn(DECIDED).basis().listingId()).isEqualTo(1);
    }

    @Test
    void aSubjectListedUnderSeveralCasesRestsOnAllOfThemTheLongestLastingFirst() {
        ListingFact earlier = new ListingFact(1, ListingState.LISTED, "OM11-03", "AJJ", "A-1", DECIDED.minusMonths(6),
                DECIDED.minusMonths(6).plusYears(3));
        ListingFact later = new ListingFact(2, ListingState.LISTED, "OM11-06", "ZJJ", "Z-1", DECIDED,
                DECIDED.plusYears(3));
        SubjectFacts facts = new SubjectFacts("U:x", 4, List.of(earlier, later, proposed(3)));

        assertThat(facts.verdictOn(DECIDED).bases()).extracting(ListingFact::listingId).containsExactly(2L, 1L);
        assertThat(facts.verdictOn(DECIDED).basis().listingId()).isEqualTo(2);
        // The first ends: the second still lists the subject, on its own.
        LocalDate afterTheFirst = DECIDED.minusMonths(6).plusYears(3);
        assertThat(facts.verdictOn(afterTheFirst).status()).isEqualTo(CheckStatus.LISTED);
        assertThat(facts.verdictOn(afterTheFirst).bases()).extracting(ListingFact::listingId).containsExactly(2L);
        // One repaired (no longer on the list): the other stands.
        SubjectFacts oneRepaired = new SubjectFacts("U:x", 5, List.of(earlier.withState(ListingState.REPAIRED), later));
        assertThat(oneRepaired.verdictOn(DECIDED).bases()).extracting(ListingFact::listingId).containsExactly(2L);
        // Two under way and none decided: PROPOSED on both.
        assertThat(new SubjectFacts("U:x", 6, List.of(proposed(7), proposed(3))).verdictOn(DECIDED).bases())
                .extracting(ListingFact::listingId).containsExactly(3L, 7L);
    }

    @Test
    void aListingEndsOnItsUntilDayWhateverTheStoredStateSays() {
        SubjectFacts facts = new SubjectFacts("U:x", 1, List.of(listed(1)));

        assertThat(facts.verdictOn(DECIDED.plusYears(3).minusDays(1)).status()).isEqualTo(CheckStatus.LISTED);
        assertThat(facts.verdictOn(DECIDED.plusYears(3)).status()).isEqualTo(CheckStatus.CLEAR);
        assertThat(facts.verdictOn(DECIDED.minusDays(1)).status()).as("before the decision").isEqualTo(CheckStatus.CLEAR);
    }

    @Test
    void endedListingsAreNotKeptInTheFacts() {
        ListingFact revoked = listed(1).withState(ListingState.REVOKED);
        assertThat(new SubjectFacts("U:x", 3, List.of(revoked)).listings()).isEmpty();
    }

    @Test
    void theCacheEncodingRoundTripsAndLeadsWithTheVersion() {
        SubjectFacts facts = new SubjectFacts("U:x", 42, List.of(listed(7), proposed(9),
                listed(8).withState(ListingState.RESTORED)));

        String encoded = FactsCodec.encode(facts);

        assertThat(encoded).startsWith("42|");
        assertThat(FactsCodec.versionOf(encoded)).isEqualTo(42);
        assertThat(FactsCodec.decode("U:x", encoded)).isEqualTo(facts);
        assertThat(FactsCodec.encode(new SubjectFacts("U:y", 0, List.of()))).isEqualTo("0|");
        assertThat(FactsCodec.decode("U:y", "0|").listings()).isEmpty();
    }

    @Test
    void keySupervisionTravelsInTheCacheEntryAndNeverChangesTheVerdict() {
        KeySupervisionFact supervision = new KeySupervisionFact(DECIDED, DECIDED.plusYears(1), "AJJ", "崇应急罚〔2026〕7号");
        SubjectFacts clear = new SubjectFacts("U:x", 5, List.of(), supervision);
        SubjectFacts listedToo = new SubjectFacts("U:x", 6, List.of(listed(3)), supervision);

        assertThat(FactsCodec.decode("U:x", FactsCodec.encode(clear))).isEqualTo(clear);
        assertThat(FactsCodec.decode("U:x", FactsCodec.encode(listedToo))).isEqualTo(listedToo);
        assertThat(FactsCodec.versionOf(FactsCodec.encode(listedToo))).isEqualTo(6);
        assertThat(clear.verdictOn(DECIDED).status()).isEqualTo(CheckStatus.CLEAR);
        assertThat(clear.keySupervisionOn(DECIDED)).contains(supervision);
        assertThat(clear.keySupervisionOn(DECIDED.plusYears(1))).isEmpty();
        assertThat(clear.keySupervisionOn(DECIDED.minusDays(1))).isEmpty();
        // A subject without key supervision has no supervision part, and decodes with none.
        String unsupervised = FactsCodec.encode(new SubjectFacts("U:x", 4, List.of(listed(3))));
        assertThat(FactsCodec.decode("U:x", unsupervised).keySupervision()).isNull();
        assertThat(FactsCodec.decode("U:x", unsupervised).listings()).hasSize(1);
    }

    @Test
    void theStateAtAnInstantIsTheLastTransitionRecordedByThen() {
        Instant proposedAt = Instant.parse("2026-02-01T02:00:00Z");
        Instant listedAt = Instant.parse("2026-03-01T02:00:00Z");
        List<PointInTime.Transition> history = List.of(
                new PointInTime.Transition(1, ListingState.PROPOSED, proposedAt),
                new PointInTime.Transition(2, ListingState.NOTIFIED, proposedAt.plusSeconds(60)),
                new PointInTime.Transition(3, ListingState.LISTED, listedAt));

        assertThat(PointInTime.asOf(listed(1), history, proposedAt.minusMillis(1))).isEmpty();
        assertThat(PointInTime.asOf(listed(1), history, proposedAt).orElseThrow().state()).isEqualTo(ListingState.PROPOSED);
        assertThat(PointInTime.asOf(listed(1), history, listedAt.minusMillis(1)).orElseThrow().state())
                .isEqualTo(ListingState.NOTIFIED);
        assertThat(PointInTime.asOf(listed(1), history, listedAt).orElseThrow().state()).isEqualTo(ListingState.LISTED);
    }

    @Test
    void theCanonicalFormIsFixedLinesInAFixedOrder() {
        ReceiptContent content = new ReceiptContent("r-1", Instant.parse("2026-03-01T08:00:00Z"), null, null, "XZSPJ",
                "U:91310110666007217T", "91310110666007217T", null, CheckStatus.LISTED, 12L, "OM11-03",
                "崇应急失信〔2026〕3号\n", "AJJ", DECIDED, DECIDED.plusYears(3), List.of("M-XZSPJ-01", "M-XZSPJ-02"),
                List.of(new ReceiptContent.Basis(15, "UNIT", "OM11-06", "ZJJ", DECIDED.minusMonths(2),
                        DECIDED.plusYears(3).minusMonths(2), "崇住建失信〔2026〕1号"),
                        new ReceiptContent.Basis(16, "PERSON", "OM11-01", "AJJ", null, null, null)));
        ReceiptContent both = new ReceiptContent("r-2", Instant.parse("2026-03-01T08:00:00Z"), null, null, "XZSPJ",
                "P:abc", "911101********4488", List.of("UNIT", "PERSON"), CheckStatus.CLEAR, null, null, null, null,
                null, null, List.of(), List.of());

        assertThat(both.canonical()).contains("\nsubjectCode:911101********4488\nlookedUpAs:UNIT,PERSON\nstatus:CLEAR\n");
        assertThat(content.canonical()).isEqualTo("""
                safety-credit-check-receipt/3
                receiptId:r-1
                checkedAt:2026-03-01T08:00:00.000Z
                asOf:
                registerSince:
                department:XZSPJ
                subjectKey:U:91310110666007217T
                subjectCode:91310110666007217T
                lookedUpAs:
                status:LISTED
                listingId:12
                criterion:OM11-03
                decisionNumber:崇应急失信〔2026〕3号\s
                decidingDepartment:AJJ
                listedFrom:2026-03-01
                listedUntil:2029-03-01
                measures:M-XZSPJ-01,M-XZSPJ-02
                otherBases:2
                otherBasis:15 UNIT OM11-06 ZJJ 2026-01-01 2029-01-01 崇住建失信〔2026〕1号
                otherBasis:16 PERSON OM11-01 AJJ - - -
                """);
        assertThat(both.canonical()).endsWith("\nmeasures:\notherBases:0\n");
    }

    @Test
    void aCodeIsAPersonWhenItIsAValidIdNumberAndAUnitOtherwise() {
        String id = CODES.residentId("320602", LocalDate.of(1975, 3, 14));
        String uscc = CODES.uscc("320602");

        assertThat(CheckCode.parse(id, null, "code")).isInstanceOf(CheckCode.PersonCode.class);
        assertThat(CheckCode.parse(uscc, null, "code")).isInstanceOf(CheckCode.UnitCode.class);
        assertThat(CheckCode.parse("91310110666007217T", null, "code")).isInstanceOf(CheckCode.UnitCode.class);
        String both = AmbiguousCode.validAsBoth();
        assertThat(CheckCode.parse(both, null, "code")).as("looked up as both").isInstanceOf(CheckCode.EitherCode.class)
                .asString().doesNotContain(both);
        assertThat(CheckCode.parse(both, "UNIT", "code")).isInstanceOf(CheckCode.UnitCode.class);
        assertThat(CheckCode.parse(both, "PERSON", "code")).isInstanceOf(CheckCode.PersonCode.class);
        assertThat(CheckCode.parse(id, "PERSON", "code").toString()).doesNotContain(id).contains("********");
        assertThatThrownBy(() -> CheckCode.parse(id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'), null, "codes[2]"))
                .isInstanceOf(InvalidCodeException.class).hasMessageContaining("check character")
                .extracting(e -> ((InvalidCodeException) e).field()).isEqualTo("codes[2]");
        assertThatThrownBy(() -> CheckCode.parse(uscc, "PERSON", "code")).isInstanceOf(InvalidCodeException.class);
    }

    @Test
    void aCodeReadAsAPersonBelongsInABodyUnlessTheCallerSaysUnitOfACodeValidAsBoth() {
        String id = CODES.residentId("320602", LocalDate.of(1975, 3, 14));
        String mistyped = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        String uscc = CODES.uscc("320602");
        String both = AmbiguousCode.validAsBoth();

        assertThat(CheckCode.belongsInBody(id, null)).isTrue();
        assertThat(CheckCode.belongsInBody(id, "UNIT")).as("not a USCC: still a person's number").isTrue();
        assertThat(CheckCode.belongsInBody(mistyped, null)).isTrue();
        assertThat(CheckCode.belongsInBody(uscc, null)).isFalse();
        assertThat(CheckCode.belongsInBody(uscc, "PERSON")).isTrue();
        assertThat(CheckCode.belongsInBody(both, null)).isTrue();
        assertThat(CheckCode.belongsInBody(both, "UNIT")).isFalse();
    }

    @Test
    void everyReceiptOfABatchLeadsToTheSignedRootAndNoTamperedOneDoes() {
        for (int n = 1; n <= 17; n++) {
            java.util.List<byte[]> texts = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                texts.add(("receipt " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            ReceiptTree tree = ReceiptTree.over(texts);
            String root = ReceiptTree.rootIn(tree.statement());
            assertThat(tree.statement()).startsWith("safety-credit-check-batch/1\nroot:").endsWith("\nleaves:" + n + "\n");
            for (int i = 0; i < n; i++) {
                assertThat(ReceiptTree.rootOf(texts.get(i), tree.proof(i))).as("n=%d leaf %d", n, i).isEqualTo(root);
                assertThat(ReceiptTree.rootOf("forged".getBytes(java.nio.charset.StandardCharsets.UTF_8), tree.proof(i)))
                        .isNotEqualTo(root);
                if (n > 1) {
                    assertThat(ReceiptTree.rootOf(texts.get(i), tree.proof((i + 1) % n))).isNotEqualTo(root);
                }
            }
        }
    }
}
