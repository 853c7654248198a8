import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EXPLAIN of the check's and the public disclosure's reads through the read-contract views (V14),
 * beside the same reads on the base tables, on the benchmark's data set: run against the database of
 * bench/check/run.sh after LoadData (it adds key supervision to every second listed unit's case and
 * 20,000 persons, which LoadData does not make). Output: bench/results/check-read-models-explain.txt.
 * Args: jdbcUrl
 */
public class ExplainReadModels {
    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0] + "&rewriteBatchedStatements=true", "root", "")) {
            Statement s = c.createStatement();
            // key supervision for the listed units' cases, and 20,000 persons (LoadData has neither)
            s.executeUpdate("INSERT INTO follow_up (violation_id, department_code, subject_key, area_code, criterion_code, case_date, "
                    + "supervision_from, supervision_until, typical, opened_at) SELECT v.id, v.department_code, l.subject_key, '320602', "
                    + "v.criterion_code, CURDATE(), CURDATE(), CURDATE() + INTERVAL 1 YEAR, FALSE, NOW(3) FROM violation v "
                    + "JOIN listing l ON l.violation_id = v.id WHERE v.id % 2 = 0");
            try (PreparedStatement p = c.prepareStatement("INSERT INTO person (public_id, id_hash, id_hash_key, id_cipher, id_masked, name, created_at) "
                    + "VALUES (UUID(), SHA2(?, 256), 'k', 'x', '320602********0000', ?, NOW(3))")) {
                for (int i = 0; i < 20000; i++) { p.setString(1, "p" + i); p.setString(2, "张" + i); p.addBatch(); }
                p.executeBatch();
            }
            for (String t : List.of("listing", "listing_event", "unit", "person", "violation", "follow_up", "subject_version", "criterion", "department")) {
                s.execute("ANALYZE TABLE " + t);
            }
            List<String> keys = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT subject_key FROM listing ORDER BY id LIMIT 3")) { while (r.next()) keys.add("'" + r.getString(1) + "'"); }
            try (ResultSet r = s.executeQuery("SELECT CONCAT('U:', uscc) FROM unit ORDER BY id DESC LIMIT 997")) { while (r.next()) keys.add("'" + r.getString(1) + "'"); }
            String one = String.join(",", keys.subList(0, 1));
            String batch = String.join(",", keys);
            List<Long> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT id FROM listing ORDER BY id LIMIT 3")) { while (r.next()) ids.add(r.getLong(1)); }
            String listingIds = ids.toString().replace("[", "").replace("]", "");
            String uscc = keys.getFirst().substring(3, 21);
            String[][] queries = {
                {"findRelevantListings (single check miss)", "SELECT subject_key, id, state, criterion_code, department_code, decision_number, listed_from, listed_until FROM %s WHERE subject_key IN (" + one + ") AND state IN ('PROPOSED', 'NOTIFIED', 'LISTED', 'RESTORED')", "listing_read", "listing"},
                {"findRelevantListings (batch of 1,000 misses)", "SELECT subject_key, id, state, criterion_code, department_code, decision_number, listed_from, listed_until FROM %s WHERE subject_key IN (" + batch + ") AND state IN ('PROPOSED', 'NOTIFIED', 'LISTED', 'RESTORED')", "listing_read", "listing"},
                {"findKeySupervision (single)", "SELECT f.subject_key, f.supervision_from, f.supervision_until, f.department_code, v.case_number FROM %s f JOIN %s v ON v.id = f.violation_id WHERE f.subject_key IN (" + one + ") AND f.supervision_until > CURDATE() - INTERVAL 1 DAY", "follow_up_read,violation_read", "follow_up,violation"},
                {"findKeySupervision (batch of 1,000)", "SELECT f.subject_key, f.supervision_from, f.supervision_until, f.department_code, v.case_number FROM %s f JOIN %s v ON v.id = f.violation_id WHERE f.subject_key IN (" + batch + ") AND f.supervision_until > CURDATE() - INTERVAL 1 DAY", "follow_up_read,violation_read", "follow_up,violation"},
                {"findAllListings (asOf)", "SELECT subject_key, id, state, criterion_code, department_code, decision_number, listed_from, listed_until FROM %s WHERE subject_key IN (" + one + ")", "listing_read", "listing"},
                {"findTransitions (asOf)", "SELECT id, listing_id, to_state, occurred_at FROM %s WHERE kind = 'TRANSITION' AND occurred_at <= NOW(3) AND listing_id IN (" + listingIds + ") ORDER BY listing_id, occurred_at, id", "listing_event_read", "listing_event"},
                {"findRegisterSince (asOf)", "SELECT MIN(occurred_at) FROM %s", "listing_event_read", "listing_event"},
                {"findUnitKeys (re-warm page)", "SELECT CONCAT('U:', uscc) FROM %s WHERE uscc > '91320602' ORDER BY uscc LIMIT 1000", "subject_unit_read", "unit"},
                {"findPersonKeys (re-warm page)", "SELECT CONCAT('P:', id_hash) FROM %s WHERE id_hash > '' ORDER BY id_hash LIMIT 1000", "subject_person_read", "person"},
                {"disclosure search by USCC", "SELECT l.id, l.subject_type, COALESCE(u.name, p.name), COALESCE(u.uscc, p.id_masked), c.title, c.legal_basis, COALESCE(d.name, l.department_code), l.decision_number, l.listed_from, l.listed_until FROM %s l LEFT JOIN %s u ON u.id = l.unit_id LEFT JOIN %s p ON p.id = l.person_id JOIN %s c ON c.code = l.criterion_code LEFT JOIN %s d ON d.code = l.department_code WHERE l.state IN ('LISTED', 'RESTORED') AND l.listed_until > CURDATE() AND l.subject_key = CONCAT('U:', '" + uscc + "') ORDER BY l.listed_from DESC, l.id DESC LIMIT 20 OFFSET 0", "listing_read,subject_unit_read,subject_person_read,criterion_read,department_read", "listing,unit,person,criterion,department"},
                {"disclosure first page", "SELECT l.id, l.subject_type, COALESCE(u.name, p.name), COALESCE(u.uscc, p.id_masked), c.title, c.legal_basis, COALESCE(d.name, l.department_code), l.decision_number, l.listed_from, l.listed_until FROM %s l LEFT JOIN %s u ON u.id = l.unit_id LEFT JOIN %s p ON p.id = l.person_id JOIN %s c ON c.code = l.criterion_code LEFT JOIN %s d ON d.code = l.department_code WHERE l.state IN ('LISTED', 'RESTORED') AND l.listed_until > CURDATE() ORDER BY l.listed_from DESC, l.id DESC LIMIT 20 OFFSET 0", "listing_read,subject_unit_read,subject_person_read,criterion_read,department_read", "listing,unit,person,criterion,department"},
            };
            System.out.println("rows: " + count(s, "listing") + " listings, " + count(s, "unit") + " units, " + count(s, "person") + " persons, "
                    + count(s, "follow_up") + " follow-ups, " + count(s, "listing_event") + " listing events");
            try (ResultSet r = s.executeQuery("SELECT TABLE_NAME, ALGORITHM, SECURITY_TYPE FROM information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME")) {
                while (r.next()) System.out.println("view " + r.getString(1) + " algorithm=" + r.getString(2) + " security=" + r.getString(3));
            }
            boolean allSame = true;
            for (String[] q : queries) {
                String viaViews = String.format(q[1], (Object[]) q[2].split(","));
                String viaTables = String.format(q[1], (Object[]) q[3].split(","));
                List<String> a = explain(s, viaViews, Map.of()), b = explain(s, viaTables, aliases(viaTables));
                System.out.println("\n## " + q[0] + "\nvia views:\n  " + String.join("\n  ", a));
                if (a.equals(b)) System.out.println("on the base tables: the same plan");
                else { allSame = false; System.out.println("on the base tables (DIFFERENT):\n  " + String.join("\n  ", b)); }
            }
            System.out.println("\nall plans the same as on the base tables: " + allSame);
        }
    }

    static long count(Statement s, String table) throws SQLException {
        try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) { r.next(); return r.getLong(1); }
    }

    /** alias -> table of "FROM t a" / "JOIN t a": EXPLAIN names a merged view's table by the table, a table by its alias. */
    static Map<String, String> aliases(String sql) {
        Map<String, String> aliases = new HashMap<>();
        Matcher m = Pattern.compile("(?:FROM|JOIN) (\\w+) (\\w) ").matcher(sql);
        while (m.find()) aliases.put(m.group(2), m.group(1));
        return aliases;
    }

    static List<String> explain(Statement s, String sql, Map<String, String> aliases) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet r = s.executeQuery("EXPLAIN " + sql)) {
            rows.add("id select_type table type possible_keys key key_len ref rows Extra");
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (String col : List.of("id", "select_type", "table", "type", "possible_keys", "key", "key_len", "ref", "rows", "Extra")) {
                    String v = r.getString(col);
                    if (col.equals("table") && v != null) v = aliases.getOrDefault(v, v);
                    if (col.equals("ref") && v != null) for (Map.Entry<String, String> e : aliases.entrySet()) v = v.replace("credit." + e.getKey() + ".", "credit." + e.getValue() + ".");
                    if (col.equals("ref") && v != null && v.length() > 40) v = v.substring(0, 40) + "…";
                    row.append(v == null ? "NULL" : v.replace(' ', '_')).append(' ');
                }
                rows.add(row.toString().trim());
            }
        }
        return rows;
    }
}
