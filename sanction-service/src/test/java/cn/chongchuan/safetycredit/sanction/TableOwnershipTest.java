package cn.chongchuan.safetycredit.sanction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One owner per table: each table the migrations create is named in the SQL of one module's
 * mappers only. Read from the migrations and the mapper XML as text, so that a new table, or a
 * statement on another module's table, is judged without anyone updating a list first.
 */
class TableOwnershipTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path MAPPERS = RESOURCES.resolve("cn/chongchuan/safetycredit/sanction");
    private static final Pattern CREATED = Pattern.compile("(?i)CREATE\\s+TABLE\\s+`?(\\w+)");
    private static final Pattern DROPPED = Pattern.compile("(?i)DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?`?(\\w+)");
    /** A word that is not a column of an alias ({@code n.status}) nor part of a longer name. */
    private static final Pattern NAME = Pattern.compile("(?<![.\\w])[A-Za-z_]\\w*");

    /** Table → the modules whose mapper statements name it. */
    private static final Map<String, Set<String>> users = new TreeMap<>();

    @BeforeAll
    static void readMigrationsAndMappers() throws Exception {
        String migrations = text(RESOURCES.resolve("db/migration"), ".sql");
        Set<String> dropped = names(DROPPED, migrations);
        names(CREATED, migrations).stream().filter(table -> !dropped.contains(table))
                .forEach(table -> users.put(table, new TreeSet<>()));
        try (Stream<Path> files = Files.walk(MAPPERS)) {
            for (Path mapper : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                String module = MAPPERS.relativize(mapper).getName(0).toString();
                NAME.matcher(statements(mapper)).results().map(word -> users.get(word.group().toLowerCase(Locale.ROOT)))
                        .filter(modules -> modules != null).forEach(modules -> modules.add(module));
            }
        }
    }

    @Test
    void everyTableIsReadAndWrittenByTheMappersOfOneModule() {
        assertThat(users).as("table -> modules whose mappers use it")
                .containsEntry("department", Set.of("department"))
                .containsEntry("department_secret", Set.of("department"))
                .containsEntry("measure", Set.of("measure"))
                .containsEntry("calendar_year", Set.of("calendar"))
                .containsEntry("received_event", Set.of("inbox"))
                .containsEntry("sanction_case", Set.of("notice"))
                .containsEntry("notice", Set.of("notice"))
                .containsEntry("delivery_attempt", Set.of("delivery"))
                .containsEntry("notice_feedback", Set.of("feedback"))
                .containsEntry("department_feed", Set.of("notice"))
                .containsEntry("feed_access", Set.of("feed"))
                .allSatisfy((table, modules) -> assertThat(modules).as(table).hasSize(1));
    }

    /** The names the pattern's first group finds, in lower case. */
    private static Set<String> names(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(match -> match.group(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    /** The files of a folder with this ending, in one text, without SQL line comments. */
    private static String text(Path folder, String ending) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(ending)).toList()) {
                all.append(Files.readString(file).replaceAll("--[^\\n]*", "")).append('\n');
            }
            return all.toString();
        }
    }

    /**
     * A mapper's statements as text: the DOM's text content leaves out tags, attributes and
     * comments; parameters and string literals are blanked, as they never name a table.
     */
    private static String statements(Path mapper) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(mapper.toFile()).getDocumentElement().getTextContent()
                .replaceAll("#\\{[^}]*}", " ").replaceAll("'[^']*'", " ");
    }
}
