import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Loads the benchmark data set straight into the credit database (after the service has migrated
 * it): N units, the first L of them LISTED (one violation and one listing each, with its history
 * and subject version). Writes every unit's USCC to codes.txt and the listed ones to listed.txt.
 * Args: jdbcUrl units listed outDir
 */
public class LoadData {
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public static void main(String[] args) throws Exception {
        String url = args[0] + "&rewriteBatchedStatements=true";
        int units = Integer.parseInt(args[1]);
        int listed = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        Random random = new Random(42);
        List<String> codes = new ArrayList<>(units);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (codes.size() < units) {
            StringBuilder code = new StringBuilder("91320602");
            for (int i = 0; i < 9; i++) {
                code.append(ALPHABET.charAt(random.nextInt(31)));
            }
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += ALPHABET.indexOf(code.charAt(i)) * WEIGHTS[i];
            }
            int check = 31 - sum % 31;
            code.append(ALPHABET.charAt(check == 31 ? 0 : check));
            if (seen.add(code.toString())) {
                codes.add(code.toString());
            }
        }
        Timestamp now = Timestamp.from(Instant.now());
        LocalDate decided = LocalDate.now().minusDays(30);
        try (Connection c = DriverManager.getConnection(url, "root", "")) {
            c.setAutoCommit(false);
            try (PreparedStatement unit = c.prepareStatement(
                    "INSERT INTO unit (id, uscc, name, area_code, created_at) VALUES (?, ?, ?, '320602', ?)")) {
                for (int i = 0; i < units; i++) {
                    unit.setLong(1, i + 1);
                    unit.setString(2, codes.get(i));
                    unit.setString(3, "南通压测企业" + i);
                    unit.setTimestamp(4, now);
                    unit.addBatch();
                    if (i % 5000 == 4999) {
                        unit.executeBatch();
                    }
                }
                unit.executeBatch();
            }
            try (PreparedStatement violation = c.prepareStatement("INSERT INTO violation (id, department_code, case_number, "
                    + "unit_id, unit_name, criterion_code, current_version, created_at) VALUES (?, 'AJJ', ?, ?, ?, 'OM11-03', 1, ?)");
                 PreparedStatement listing = c.prepareStatement("INSERT INTO listing (id, subject_type, subject_key, unit_id, "
                    + "violation_id, criterion_code, department_code, state, proposed_at, notice_date, defence_deadline, "
                    + "decision_number, listed_from, listed_until, version, updated_at) VALUES "
                    + "(?, 'UNIT', ?, ?, ?, 'OM11-03', 'AJJ', 'LISTED', ?, ?, ?, ?, ?, ?, 2, ?)");
                 PreparedStatement event = c.prepareStatement("INSERT INTO listing_event (listing_id, kind, from_state, "
                    + "to_state, actor_department, actor_role, occurred_at) VALUES (?, 'TRANSITION', ?, ?, 'AJJ', ?, ?)");
                 PreparedStatement version = c.prepareStatement(
                    "INSERT INTO subject_version (subject_key, version) VALUES (?, 3)")) {
                for (int i = 0; i < listed; i++) {
                    long id = i + 1;
                    String key = "U:" + codes.get(i);
                    violation.setLong(1, id);
                    violation.setString(2, "BENCH-" + id);
                    violation.setLong(3, id);
                    violation.setString(4, "南通压测企业" + i);
                    violation.setTimestamp(5, now);
                    violation.addBatch();
                    listing.setLong(1, id);
                    listing.setString(2, key);
                    listing.setLong(3, id);
                    listing.setLong(4, id);
                    listing.setTimestamp(5, now);
                    listing.setDate(6, Date.valueOf(decided.minusDays(10)));
                    listing.setDate(7, Date.valueOf(decided.minusDays(3)));
                    listing.setString(8, "崇应急失信〔2026〕" + id + "号");
                    listing.setDate(9, Date.valueOf(decided));
                    listing.setDate(10, Date.valueOf(decided.plusYears(3)));
                    listing.setTimestamp(11, now);
                    listing.addBatch();
                    String[][] steps = {{null, "PROPOSED", "SYSTEM"}, {"PROPOSED", "NOTIFIED", "ENFORCEMENT"},
                            {"NOTIFIED", "LISTED", "ENFORCEMENT"}};
                    for (String[] step : steps) {
                        event.setLong(1, id);
                        event.setString(2, step[0]);
                        event.setString(3, step[1]);
                        event.setString(4, step[2]);
                        event.setTimestamp(5, now);
                        event.addBatch();
                    }
                    version.setString(1, key);
                    version.addBatch();
                    if (i % 2000 == 1999) {
                        violation.executeBatch();
                        listing.executeBatch();
                        event.executeBatch();
                        version.executeBatch();
                    }
                }
                violation.executeBatch();
                listing.executeBatch();
                event.executeBatch();
                version.executeBatch();
            }
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE unit, listing, listing_event, subject_version");
            }
        }
        Files.write(out.resolve("codes.txt"), codes);
        Files.write(out.resolve("listed.txt"), codes.subList(0, listed));
        System.out.println("loaded " + units + " units, " + listed + " listed");
    }
}
