package cn.chongchuan.safetycredit.e2e;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of PromQL to find what an expression reads: the metric names, and the label names
 * each selector matches on. Not a parser: it relies on the expressions being valid PromQL.
 */
final class PromQl {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    /** A metric name right before its label matchers. */
    private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
    private static final Pattern LABEL_MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern NUMBER_OR_DURATION = Pattern.compile("\\b\\d+(\\.\\d+)?([smhdwy]|ms)?\\b");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

    private PromQl() {
    }

    /** The metric names the expression reads, each with the label names its selectors match on. */
    static Map<String, Set<String>> selectors(String expression) {
        // Grafana's range variables ($__rate_interval) and the label values (which may hold braces) go first.
        String text = STRING.matcher(expression.replaceAll("\\$__[a-z_]+", "5m")).replaceAll("\"\"");
        Map<String, Set<String>> found = new LinkedHashMap<>();
        Matcher selector = SELECTOR.matcher(text);
        while (selector.find()) {
            Set<String> labels = found.computeIfAbsent(selector.group(1), name -> new LinkedHashSet<>());
            Matcher matcher = LABEL_MATCHER.matcher(selector.group(2));
            while (matcher.find()) {
                labels.add(matcher.group(1));
            }
        }
        String bare = text.replaceAll("\\{[^}]*}", " ").replaceAll("\\[[^]]*]", " ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        bare = NUMBER_OR_DURATION.matcher(bare).replaceAll(" ");
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group();
            boolean isFunction = bare.substring(identifier.end()).stripLeading().startsWith("(");
            if (!isFunction && !KEYWORDS.contains(name)) {
                found.computeIfAbsent(name, n -> new LinkedHashSet<>());
            }
        }
        return found;
    }
}
