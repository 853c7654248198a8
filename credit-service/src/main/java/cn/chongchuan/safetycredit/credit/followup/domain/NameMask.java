package cn.chongchuan.safetycredit.credit.followup.domain;

/** Masks a person's name for public warnings: the first character, the rest as asterisks (张三 → 张*). */
public final class NameMask {

    private NameMask() {
    }

    public static String mask(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        String stripped = name.strip();
        int first = stripped.offsetByCodePoints(0, 1);
        int rest = Math.max(1, stripped.codePointCount(first, stripped.length()));
        return stripped.substring(0, first) + "*".repeat(rest);
    }
}
