package cn.chongchuan.safetycredit.credit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * One owner per table: a MyBatis mapper reads and writes only the tables of its own module, and
 * reads another module's data only through that module's read contract, a {@code *_read} view
 * (V14). A table's owner is the module whose mapper inserts its rows; a view belongs to the owner
 * of the one table it shows. Read from the migrations and the mapper XML as text, so a new table
 * or a new cross-module read is judged without anyone updating a list here.
 */
class TableOwnershipTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final String ROOT = "cn.chongchuan.safetycredit.credit.";

    /**
     * Reads of other modules' tables that predate the rule, in modules being reworked under issue
     * 14 by their own engineers: each goes (and its line here with it) when its module reads a
     * read contract or asks the owning module instead. Nothing may be added; a line whose read is
     * gone fails {@link #theListOfReadsStillToMoveHoldsOnlyReadsThatStillExist}.
     */
    private static final Set<String> STILL_TO_MOVE = Set.of(
            "followup reads unit", "followup reads violation", "followup reads violation_person",
            "followup reads violation_version",
            "subject reads listing", "subject reads violation", "subject reads violation_person",
            "violation reads person");

    private static Map<String, String> tables;
    private static Map<String, String> views;
    private static List<MapperSql> mappers;

    /** A mapper's statements as SQL text (string literals, parameters and comments blanked out). */
    private record MapperSql(String file, String module, String sql) {
    }

    @BeforeAll
    static void readMigrationsAndMappers() throws Exception {
        String migrations = migrations();
        mappers = mappers();
        views = views(migrations);
        tables = owners(migrations);
    }

    @Test
    void everyTableHasOneOwningModule() {
        assertThat(tables).as("table -> owning module").doesNotContainValue(null);
        assertThat(tables.keySet()).contains("listing", "unit", "person", "violation", "follow_up", "subject_version",
                "check_audit");
        assertThat(tables).containsEntry("subject_version", "check").containsEntry("listing", "listing")
                .containsEntry("follow_up", "followup").containsEntry("unit", "subject");
    }

    /** Views MariaDB and MySQL can merge into the reading query, so that they use the table's indexes. */
    @Test
    void everyReadContractIsAViewOfOneTableAndNothingElse() {
        assertThat(views).isNotEmpty();
        views.forEach((view, definition) -> {
            assertThat(view).as("a read contract's name").endsWith("_read");
            assertThat(relations(definition)).as(view + " shows one table").hasSize(1);
            assertThat(definition.toUpperCase(Locale.ROOT)).as(view + " is mergeable")
                    .doesNotContain(" JOIN ", " GROUP ", " DISTINCT ", " UNION ", " LIMIT ", "(SELECT", "MIN(", "MAX(",
                            "COUNT(", "SUM(", "AVG(");
            assertThat(tables).as(view + " shows a table of this service").containsKey(relations(definition).getFirst());
        });
    }

    @Test
    void noMapperUsesAnotherModulesTable() {
        assertThat(mappers).hasSizeGreaterThanOrEqualTo(12);
        List<String> foreign = new ArrayList<>();
        for (MapperSql mapper : mappers) {
            for (String reference : foreignReferences(mapper.module(), mapper.sql())) {
                if (!STILL_TO_MOVE.contains(reference)) {
                    foreign.add(mapper.file() + ": " + reference);
                }
            }
        }
        assertThat(foreign).as("mappers that use another module's table instead of its *_read view").isEmpty();
    }

    @Test
    void theListOfReadsStillToMoveHoldsOnlyReadsThatStillExist() {
        Set<String> found = new TreeSet<>();
        mappers.forEach(m -> found.addAll(foreignReferences(m.module(), m.sql())));
        assertThat(found).as("remove the lines of STILL_TO_MOVE whose read has gone").containsAll(STILL_TO_MOVE);
    }

    /** The rule itself: a read model joining another module's tables (the check's key-supervision read before V14). */
    @Test
    void aReadModelJoiningAnotherModulesTablesIsCaught() {
        String before = sql("""
                SELECT f.subject_key, f.supervision_from, f.supervision_until, f.department_code, v.case_number
                FROM follow_up f JOIN violation v ON v.id = f.violation_id
                WHERE f.subject_key IN (#{key}) AND f.supervision_until &gt; #{since}""");
        String after = sql("""
                SELECT f.subject_key, v.case_number
                FROM follow_up_read f JOIN violation_read v ON v.id = f.violation_id
                WHERE f.subject_key IN (#{key}) AND v.case_number <> 'listing'""");

        assertThat(foreignReferences("check", before)).containsExactly("check reads follow_up", "check reads violation");
        assertThat(foreignReferences("check", after)).isEmpty();
    }

    /** "module reads table" for each table of another module this SQL names (views are anyone's to read). */
    private static List<String> foreignReferences(String module, String sql) {
        return relations(sql).stream().distinct()
                .filter(tables::containsKey)
                .filter(table -> !module.equals(tables.get(table)))
                .map(table -> module + " reads " + table)
                .sorted()
                .toList();
    }

    /** The tables and views this SQL names: every identifier that is one, unless it follows a dot (a column). */
    private static List<String> relations(String sql) {
        Matcher identifiers = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)").matcher(sql);
        List<String> found = new ArrayList<>();
        while (identifiers.find()) {
            String name = identifiers.group(1).toLowerCase(Locale.ROOT);
            if (tables.containsKey(name) || views.containsKey(name)) {
                found.add(name);
            }
        }
        return found;
    }

    /** Each table the migrations create, with the module whose mapper inserts its rows (null: none or several). */
    private static Map<String, String> owners(String migrations) {
        Map<String, String> owners = new TreeMap<>();
        Matcher created = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?`?(\\w+)").matcher(migrations);
        while (created.find()) {
            owners.put(created.group(1).toLowerCase(Locale.ROOT), null);
        }
        Matcher dropped = Pattern.compile("(?i)DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?`?(\\w+)").matcher(migrations);
        while (dropped.find()) {
            owners.remove(dropped.group(1).toLowerCase(Locale.ROOT));
        }
        Map<String, Set<String>> inserters = new TreeMap<>();
        for (MapperSql mapper : mappers) {
            Matcher insert = Pattern.compile("(?i)(?:INSERT|REPLACE)\\s+(?:IGNORE\\s+)?INTO\\s+`?(\\w+)").matcher(mapper.sql());
            while (insert.find()) {
                inserters.computeIfAbsent(insert.group(1).toLowerCase(Locale.ROOT), t -> new TreeSet<>()).add(mapper.module());
            }
        }
        owners.replaceAll((table, none) -> {
            Set<String> modules = inserters.getOrDefault(table, Set.of());
            assertThat(modules).as("modules whose mappers insert into " + table).hasSize(1);
            return modules.iterator().next();
        });
        return owners;
    }

    /** Each view the migrations create, with its definition (the SELECT). */
    private static Map<String, String> views(String migrations) {
        Map<String, String> views = new LinkedHashMap<>();
        Matcher view = Pattern.compile("(?is)\\bVIEW\\s+`?(\\w+)`?\\s+AS\\s+(SELECT\\b.*?);").matcher(migrations);
        while (view.find()) {
            views.put(view.group(1).toLowerCase(Locale.ROOT), " " + view.group(2).replaceAll("\\s+", " ") + " ");
        }
        return views;
    }

    /** Every migration, in one text, without its comments. */
    private static String migrations() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(RESOURCES.resolve("db/migration"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                all.append(Files.readString(file).replaceAll("--[^\\n]*", "")).append('\n');
            }
        }
        return all.toString();
    }

    /** Every MyBatis mapper XML under src/main/resources, with the module its namespace lies in. */
    private static List<MapperSql> mappers() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // The mapper DTD is not fetched: the statements' text is all this test reads.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        List<MapperSql> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                Document document = factory.newDocumentBuilder().parse(file.toFile());
                Element root = document.getDocumentElement();
                if (!"mapper".equals(root.getTagName())) {
                    continue;
                }
                String namespace = root.getAttribute("namespace");
                assertThat(namespace).as(file + " namespace").startsWith(ROOT);
                String module = namespace.substring(ROOT.length(), namespace.indexOf('.', ROOT.length()));
                found.add(new MapperSql(RESOURCES.relativize(file).toString(), module, sql(text(root))));
            }
        }
        return found;
    }

    /** The text of every statement and SQL fragment, dynamic elements included; attributes and comments are not text. */
    private static String text(Element root) {
        StringBuilder text = new StringBuilder();
        NodeList children = root.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child instanceof Element statement && Set.of("select", "insert", "update", "delete", "sql")
                    .contains(statement.getTagName())) {
                text.append(statement.getTextContent()).append('\n');
            }
        }
        return text.toString();
    }

    /** SQL with what cannot name a table blanked out: string literals, #{} and ${} parameters, comments. */
    private static String sql(String text) {
        return text.replace("&gt;", ">").replace("&lt;", "<")
                .replaceAll("--[^\\n]*", " ")
                .replaceAll("'[^']*'", " ")
                .replaceAll("[#$]\\{[^}]*}", " ");
    }
}
