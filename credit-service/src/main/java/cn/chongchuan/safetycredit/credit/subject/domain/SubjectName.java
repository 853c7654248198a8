package cn.chongchuan.safetycredit.credit.subject.domain;

import java.text.Normalizer;
import java.util.Optional;

/**
 * The rule for names that end up on the public list (units, persons, decision numbers): NFC,
 * trimmed, and free of characters that let one string look like another. A right-to-left
 * override (U+202E) or a zero-width joiner makes a listed name read differently from what is
 * stored and searched, so format (Cf), control (Cc), private-use (Co), unassigned (Cn) and
 * lone-surrogate (Cs) characters, and line/paragraph separators, are refused rather than removed:
 * silently removing them would store a name nobody typed.
 */
public final class SubjectName {

    private SubjectName() {
    }

    /** The stored form: Unicode NFC with leading and trailing white space removed. */
    public static String normalise(String raw) {
        return raw == null ? null : Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
    }

    /** What is wrong with the name, if anything (null and blank are left to {@code @NotBlank}). */
    public static Optional<String> problemWith(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String name = normalise(raw);
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            String reason = reasonToRefuse(cp);
            if (reason != null) {
                return Optional.of(String.format("contains %s U+%04X at position %d", reason, cp,
                        name.codePointCount(0, i) + 1));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    private static String reasonToRefuse(int cp) {
        return switch (Character.getType(cp)) {
            case Character.FORMAT -> isBidiControl(cp) ? "a bidirectional control character" : "an invisible format character";
            case Character.CONTROL -> "a control character";
            case Character.PRIVATE_USE -> "a private-use character";
            case Character.UNASSIGNED -> "an unassigned character";
            case Character.SURROGATE -> "an unpaired surrogate";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "a line separator";
            default -> null;
        };
    }

    private static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }
}
