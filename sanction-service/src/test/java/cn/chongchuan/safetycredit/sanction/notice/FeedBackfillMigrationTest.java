package cn.chongchuan.safetycredit.sanction.notice;

import cn.chongchuan.safetycredit.sanction.ServiceTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V11 numbers the notices that existed before the pull feed: per department, in the order they were
 * created (ties by id), and leaves each department's counter at its last number. Run on a database of
 * its own, migrated to V8, given notices, then migrated on.
 */
@ServiceTest
class FeedBackfillMigrationTest {

    private static final String DATABASE = "sanction_feed_backfill";

    @Autowired
    JdbcTemplate jdbc;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String username;
    @Value("${spring.datasource.password:}")
    String password;

    @AfterEach
    void dropDatabase() {
        jdbc.execute("DROP DATABASE IF EXISTS " + DATABASE);
    }

    /** The service's database URL, naming this test's database instead. */
    private String ownUrl() {
        return url.replaceFirst("/[A-Za-z0-9_]+(\\?|$)", "/" + DATABASE + "$1");
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(ownUrl(), username, password).locations("classpath:db/migration")
                .target(target).load();
    }

    @Test
    void noticesFromBeforeTheFeedAreNumberedInTheOrderTheyWereCreated() {
        jdbc.execute("DROP DATABASE IF EXISTS " + DATABASE);
        jdbc.execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        flyway("8").migrate();
        JdbcTemplate old = new JdbcTemplate(new DriverManagerDataSource(ownUrl(), username, password));
        old.update("INSERT INTO sanction_case (id, listing_id, subject_type, subject_key, subject_name, subject_code, "
                + "status, started_at) VALUES (1, 1, 'UNIT', 'U:1', 'n', 'c', 'ACTIVE', '2026-03-01 08:00:00')");
        notice(old, "00000000-0000-4000-8000-00000000000c", "A", "2026-03-01 08:00:00.000");
        notice(old, "00000000-0000-4000-8000-00000000000b", "B", "2026-03-01 09:00:00.000");
        notice(old, "00000000-0000-4000-8000-00000000000a", "A", "2026-03-02 08:00:00.000");
        notice(old, "00000000-0000-4000-8000-000000000001", "A", "2026-03-03 08:00:00.000");
        notice(old, "00000000-0000-4000-8000-000000000000", "A", "2026-03-03 08:00:00.000");

        flyway("latest").migrate();

        assertThat(old.queryForList("SELECT department_code, feed_seq, id FROM notice ORDER BY department_code, feed_seq"))
                .extracting(row -> row.get("department_code") + " " + row.get("feed_seq") + " " + row.get("id"))
                .containsExactly("A 1 00000000-0000-4000-8000-00000000000c", "A 2 00000000-0000-4000-8000-00000000000a",
                        "A 3 00000000-0000-4000-8000-000000000000", "A 4 00000000-0000-4000-8000-000000000001",
                        "B 1 00000000-0000-4000-8000-00000000000b");
        List<Map<String, Object>> counters = old.queryForList(
                "SELECT department_code, last_seq, acked_seq FROM department_feed ORDER BY department_code");
        assertThat(counters).extracting(row -> row.get("department_code") + " " + row.get("last_seq") + " "
                + row.get("acked_seq")).containsExactly("A 4 0", "B 1 0");
    }

    private static void notice(JdbcTemplate db, String id, String department, String createdAt) {
        db.update("INSERT INTO notice (id, case_id, listing_id, department_code, kind, event_id, measure_codes, body, "
                + "status, feedback_due_on, created_at) VALUES (?, 1, 1, ?, 'SANCTION_START', ?, 'M-1', '{}', 'PULL', "
                + "'2026-03-15', ?)", id, department, UUID.randomUUID().toString(), createdAt);
    }
}
