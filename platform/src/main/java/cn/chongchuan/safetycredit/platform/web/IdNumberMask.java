package cn.chongchuan.safetycredit.platform.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal ID numbers in text that is logged or echoed (paths, query strings, failure
 * messages, a problem's {@code instance}), in the gateway and in the services alike.
 *
 * <p>Percent-escapes are decoded first (else {@code %33%32…} or {@code %20320602…} would carry
 * a number past the mask), then every run of 18 or more digits, or of 17 and an {@code X} (or
 * nothing alphabetic after them), keeps its first 6 and last 4 characters, as the services mask an
 * ID number ({@code 320602********1234}). Whatever stands before the run, and digits after it, do
 * not matter: a number glued to letters or to more digits is masked all the same. A unit code of
 * 18 digits (or 17 and an {@code X}) is masked too: in a log line the shape is all that can be
 * told apart; one of 17 digits and another check letter is left as it is.
 */
public final class IdNumberMask {

    /**
     * 18 or more digits; or 17 and an {@code X}; or 17 standing alone (a number missing its last
     * character). 17 digits and another letter are a unit code's shape (its check character), not
     * an ID number's, and stay.
     */
    private static final Pattern LONG_DIGIT_RUN = Pattern.compile("\\d{18,}|\\d{17}(?:[Xx]|(?![A-Za-z]))");
    private static final Pattern ESCAPED = Pattern.compile("%[0-9A-Fa-f]{2}");

    private IdNumberMask() {
    }

    /** The text, percent-decoded, with every ID-shaped number masked; null stays null. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String decoded = decoded(text);
        if (decoded.length() < 17) {
            return decoded;
        }
        Matcher matcher = LONG_DIGIT_RUN.matcher(decoded);
        if (!matcher.find()) {
            return decoded;
        }
        StringBuilder masked = new StringBuilder(decoded.length());
        do {
            String run = matcher.group();
            matcher.appendReplacement(masked, run.substring(0, 6) + "*".repeat(run.length() - 10)
                    + run.substring(run.length() - 4));
        } while (matcher.find());
        return matcher.appendTail(masked).toString();
    }

    /**
     * A request path as a problem's {@code instance}: masked, and quoted again where decoding left
     * characters a URI cannot hold (a space, a stray {@code %}).
     */
    public static URI maskedUri(String path) {
        try {
            return new URI(null, null, mask(path), null);
        } catch (URISyntaxException unusable) {
            return URI.create("about:blank");
        }
    }

    private static String decoded(String text) {
        if (!ESCAPED.matcher(text).find()) {
            return text;
        }
        try {
            // '+' stays '+': only percent-escapes are decoded.
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // A stray '%' elsewhere: decode the well-formed escapes one by one.
            return ESCAPED.matcher(text).replaceAll(escape -> Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(escape.group().substring(1), 16))));
        }
    }
}
