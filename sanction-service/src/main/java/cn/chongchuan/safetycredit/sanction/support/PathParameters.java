package cn.chongchuan.safetycredit.sanction.support;

import java.util.regex.Pattern;

/**
 * Checks path variables of endpoints that also take a validated body. (Constraint annotations on
 * such a method would turn body errors into method-parameter errors named after the parameter, so
 * the problem would no longer name the field at fault.)
 */
public final class PathParameters {

    public static final String DEPARTMENT_CODE = "[A-Z][A-Z0-9_-]{1,31}";
    public static final String MEASURE_CODE = "M-[A-Z0-9_-]{1,29}";
    public static final String NOTICE_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private PathParameters() {
    }

    public static String require(String name, String value, String regex, String reason) {
        if (value == null || !Pattern.matches(regex, value)) {
            throw SanctionProblems.invalid(name, reason);
        }
        return value;
    }
}
