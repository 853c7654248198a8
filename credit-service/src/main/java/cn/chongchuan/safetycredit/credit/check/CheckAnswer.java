package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.check.domain.CheckStatus;
import cn.chongchuan.safetycredit.credit.check.receipt.GroupSigner;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer about one subject: the status, where it came from, for LISTED the basis and the
 * measures the asking department applies, the subject's key supervision when it runs on the day
 * (informational: it never changes the status and is not part of the signed receipt), and the
 * signed receipt. A code valid both as a USCC and as an ID number is looked up as both
 * ({@code lookedUpAs}: {@code ["UNIT","PERSON"]}, absent otherwise): the graver reading answers and
 * {@code subjectType} names it, or is absent when both readings are CLEAR. An answer for
 * an {@code asOf} before the register began carries {@code registerSince}, its first record: the
 * register cannot say what was true before it. A subject may be listed under several cases at once:
 * {@code basis} is the main one (for LISTED the listing that lasts longest) and {@code bases} all of
 * them, the main one first, each naming its subject type; the measures apply while any is in force.
 * In a batch, {@code positions}
 * says which input codes it answers (a code given twice is answered once); an invalid code gets an
 * item with {@code error} instead.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CheckAnswer(
        List<Integer> positions,
        String code,
        String subjectType,
        List<String> lookedUpAs,
        CheckStatus status,
        String source,
        Instant asOf,
        Instant registerSince,
        Basis basis,
        List<Basis> bases,
        List<MeasureView> measures,
        KeySupervision keySupervision,
        Receipt receipt,
        ItemError error) {

    /** The listing the answer rests on (for PROPOSED: the listing under way, without decision). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Basis(long listingId, String subjectType, String state, String criterionCode, String criterionTitle, String decisionNumber,
            String decidingDepartment, String decidingDepartmentName, LocalDate listedFrom, LocalDate listedUntil) {
    }

    /** The subject is under key supervision (重点监管, 一案五制) after a penalty: for information only. */
    public record KeySupervision(LocalDate from, LocalDate until, String department, String departmentName,
            String reason) {
    }

    public record MeasureView(String code, String title, String legalBasis) {
    }

    /**
     * The receipt. {@value #SINGLE}: {@code signature} is Ed25519 over the UTF-8 bytes of
     * {@code signedText}. {@value #TREE} (receipts signed together: a batch, or checks that arrived
     * at the same moment): {@code signature} is Ed25519 over {@code batchStatement}, whose root
     * {@code signedText} and {@code proof} lead to.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(String id, Instant checkedAt, String keyId, String algorithm, String signature, String signedText,
            String batchStatement, List<String> proof) {

        public static final String SINGLE = GroupSigner.SINGLE;
        public static final String TREE = GroupSigner.TREE;
    }

    /** Why an item could not be answered: a bad code (400-like) or the database out of reach (503-like). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemError(String kind, String field, String message, Integer expectedCheckCharacterPosition,
            String expectedCheckCharacter, Long retryAfterSeconds) {
    }

    static CheckAnswer failed(List<Integer> positions, ItemError error) {
        return new CheckAnswer(positions, null, null, null, null, null, null, null, null, null, null, null, null, error);
    }
}
