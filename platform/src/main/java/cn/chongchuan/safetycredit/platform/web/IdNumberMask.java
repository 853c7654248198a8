package cn.chongchuan.safetycredit.platform.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal ID numbers in text that is logged or echoed (paths, query strings, failure
 * messages, a problem's {@code instance}), in the gateway and in the services alike: every
 * run of 17 digits and a digit or {@code X} that stands alone keeps its first 6 and last 4
 * characters, as the services mask an ID number ({@code 320602********1234}). A unit code of 18
 * digits is masked too: in a log line the shape is all that can be told apart.
 */
public final class IdNumberMask {

    private static final Pattern ID_SHAPED = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[0-9Xx])(?![0-9A-Za-z])");

    private IdNumberMask() {
    }

    /** The text with every ID-shaped number masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.length() < 18) {
            return text;
        }
        Matcher matcher = ID_SHAPED.matcher(text);
        return matcher.find() ? matcher.replaceAll("$1********$2") : text;
    }
}
