package cn.chongchuan.safetycredit.sanction;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** Table → the modules whose mapper statements name it. */
    private static Map<String, Set<String>> users;

    @BeforeAll
    static void readMigrationsAndMappers() throws Exception {
        users = new TreeMap<>();
        tables().forEach(table -> users.put(table, new TreeSet<>()));
        try (Stream<Path> files = Files.walk(MAPPERS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                String module = MAPPERS.relativize(file).getName(0).toString();
                Matcher identifiers = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)").matcher(statements(file));
                while (identifiers.find()) {
                    Set<String> modules = users.get(identifiers.group(1).toLowerCase(Locale.ROOT));
                    if (modules != null) {
                        modules.add(module);
                    }
                }
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
                .allSatisfy((table, modules) -> assertThat(modules).as(table).hasSize(1));
    }

    /** Every table the migrations create (and do not drop again). */
    private static Set<String> tables() throws IOException {
        StringBuilder migrations = new StringBuilder();
        try (Stream<Path> files = Files.list(RESOURCES.resolve("db/migration"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                migrations.append(Files.readString(file).replaceAll("--[^\\n]*", "")).append('\n');
            }
        }
        Set<String> tables = new TreeSet<>();
        Matcher created = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)").matcher(migrations);
        while (created.find()) {
            tables.add(created.group(1).toLowerCase(Locale.ROOT));
        }
        Matcher dropped = Pattern.compile("(?i)DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?`?(\\w+)").matcher(migrations);
        while (dropped.find()) {
            tables.remove(dropped.group(1).toLowerCase(Locale.ROOT));
        }
        return tables;
    }

    /** The text of a mapper's statements: no tags, attributes or comments, parameters and string literals blanked. */
    private static String statements(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // The mapper DTD is not fetched: only the statements' text is read.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document mapper = factory.newDocumentBuilder().parse(file.toFile());
        StringBuilder sql = new StringBuilder();
        text(mapper.getDocumentElement(), sql);
        return sql.toString().replaceAll("#\\{[^}]*}", " ").replaceAll("'[^']*'", " ");
    }

    private static void text(Node node, StringBuilder sql) {
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                sql.append(child.getNodeValue()).append(' ');
            } else if (child.getNodeType() == Node.ELEMENT_NODE) {
                text(child, sql);
            }
        }
    }
}
