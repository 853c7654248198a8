package cn.chongchuan.safetycredit.credit.check.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a check receipt attests, and its canonical form: the exact bytes that are signed.
 *
 * <p>The canonical form is UTF-8 text, one {@code name:value} line per field, in the fixed order
 * below, each line ending with a line feed (U+000A), the first line being the format name
 * {@value #FORMAT}. Absent values are empty. Line breaks inside a value are replaced by spaces.
 * Instants are ISO-8601 in UTC with milliseconds ({@code 2026-03-01T08:00:00.123Z}), dates are
 * ISO-8601, measures are their codes joined by commas in the order the answer lists them.
 *
 * <p>The listing fields name the main basis. A subject listed under several cases (or both readings
 * of a code valid as a USCC and as an ID number on the list) has further bases: {@code otherBases}
 * is their number, and each follows on its own {@code otherBasis} line as space-separated
 * {@code listingId subjectType criterion decidingDepartment listedFrom listedUntil decisionNumber},
 * an absent value written {@code -}; the decision number comes last because it may hold spaces.
 */
public record ReceiptContent(
        String receiptId,
        Instant checkedAt,
        Instant asOf,
        Instant registerSince,
        String department,
        String subjectKey,
        String subjectCode,
        List<String> lookedUpAs,
        CheckStatus status,
        Long listingId,
        String criterionCode,
        String decisionNumber,
        String decidingDepartment,
        LocalDate listedFrom,
        LocalDate listedUntil,
        List<String> measures,
        List<Basis> otherBases) {

    /**
     * Version 3 added {@code otherBases} and one {@code otherBasis} line per further basis. Version 2 added {@code registerSince} (set when {@code asOf} is before the register's first
     * record) and {@code lookedUpAs}: both readings of a code valid as a USCC and as an ID number,
     * the receipt attesting that both were looked up (empty for any other code).
     */
    public static final String FORMAT = "safety-credit-check-receipt/3";

    /** A further listing the answer rests on (format 3: several listings of one subject). */
    public record Basis(long listingId, String subjectType, String criterionCode, String decidingDepartment,
            LocalDate listedFrom, LocalDate listedUntil, String decisionNumber) {

        String canonical() {
            return listingId + " " + orDash(subjectType) + " " + orDash(criterionCode) + " " + orDash(decidingDepartment)
                    + " " + orDash(listedFrom) + " " + orDash(listedUntil) + " " + orDash(decisionNumber);
        }

        private static String orDash(Object value) {
            return value == null || value.toString().isBlank() ? "-" : value.toString();
        }
    }

    public ReceiptContent {
        measures = measures == null ? List.of() : List.copyOf(measures);
        otherBases = otherBases == null ? List.of() : List.copyOf(otherBases);
        lookedUpAs = lookedUpAs == null ? List.of() : List.copyOf(lookedUpAs);
    }

    public String canonical() {
        StringBuilder out = new StringBuilder(400).append(FORMAT).append('\n');
        line(out, "receiptId", receiptId);
        line(out, "checkedAt", instant(checkedAt));
        line(out, "asOf", instant(asOf));
        line(out, "registerSince", instant(registerSince));
        line(out, "department", department);
        line(out, "subjectKey", subjectKey);
        line(out, "subjectCode", subjectCode);
        line(out, "lookedUpAs", String.join(",", lookedUpAs));
        line(out, "status", status.name());
        line(out, "listingId", listingId == null ? null : listingId.toString());
        line(out, "criterion", criterionCode);
        line(out, "decisionNumber", decisionNumber);
        line(out, "decidingDepartment", decidingDepartment);
        line(out, "listedFrom", listedFrom == null ? null : listedFrom.toString());
        line(out, "listedUntil", listedUntil == null ? null : listedUntil.toString());
        line(out, "measures", String.join(",", measures));
        line(out, "otherBases", String.valueOf(otherBases.size()));
        for (Basis basis : otherBases) {
            line(out, "otherBasis", basis.canonical());
        }
        return out.toString();
    }

    public byte[] canonicalBytes() {
        return canonical().getBytes(StandardCharsets.UTF_8);
    }

    /** Milliseconds, always three digits, so the text is the same whoever formats it. */
    static String instant(Instant instant) {
        if (instant == null) {
            return null;
        }
        return java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(instant);
    }

    private static void line(StringBuilder out, String name, String value) {
        out.append(name).append(':');
        if (value != null) {
            out.append(value.replace('\r', ' ').replace('\n', ' '));
        }
        out.append('\n');
    }
}
