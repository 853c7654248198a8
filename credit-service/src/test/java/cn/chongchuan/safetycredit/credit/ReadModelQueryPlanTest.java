package cn.chongchuan.safetycredit.credit;

import org.apache.ibatis.executor.parameter.ParameterHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.scripting.defaults.DefaultParameterHandler;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read contracts cost the read models nothing: the database merges each view into the query
 * that reads it, so the check's and the disclosure's statements, exactly as their mappers send
 * them, run on the base tables and their indexes (no derived table is materialised). What the plans
 * look like on the benchmark's data set: docs/licensing-check.md, "Read models".
 */
@ServiceTest
class ReadModelQueryPlanTest {

    private static final String CHECK = "cn.chongchuan.safetycredit.credit.check.CheckMapper.";
    private static final String DISCLOSURE = "cn.chongchuan.safetycredit.credit.disclosure.DisclosureMapper.";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    SqlSessionFactory mybatis;

    @Test
    void everyReadContractIsAMergedViewReadWithTheCallersRights() {
        List<String> views = jdbc.queryForList("SELECT TABLE_NAME FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'VIEW' ORDER BY TABLE_NAME", String.class);

        assertThat(views).contains("listing_read", "listing_event_read", "subject_unit_read", "subject_person_read",
                "violation_read", "follow_up_read", "criterion_read", "department_read");
        for (String view : views) {
            String definition = jdbc.queryForObject("SHOW CREATE VIEW " + view, (row, n) -> row.getString(2));
            assertThat(definition).as(view).contains("ALGORITHM=MERGE").contains("SQL SECURITY INVOKER");
        }
    }

    @Test
    void theReadModelsStatementsRunOnTheBaseTables() throws Exception {
        List<String> keys = List.of("U:91320602MA1N2X3Y4Q", "P:" + "0".repeat(64));
        Map<String, Map<String, Object>> statements = Map.of(
                CHECK + "findRelevantListings", Map.of("keys", keys),
                CHECK + "findKeySupervision", Map.of("keys", keys, "since", LocalDate.of(2026, 3, 1)),
                CHECK + "findAllListings", Map.of("keys", keys),
                CHECK + "findTransitions", Map.of("listingIds", List.of(1L, 2L), "asOf", Instant.parse("2026-03-01T00:00:00Z")),
                CHECK + "findRegisterSince", Map.of(),
                CHECK + "findUnitKeys", Map.of("after", "", "limit", 1000),
                CHECK + "findPersonKeys", Map.of("after", "", "limit", 1000),
                DISCLOSURE + "search", withNulls(Map.of("today", LocalDate.of(2026, 3, 1), "uscc", "91320602MA1N2X3Y4Q",
                        "limit", 20, "offset", 0L), "name"),
                DISCLOSURE + "count", withNulls(Map.of("today", LocalDate.of(2026, 3, 1)), "name", "uscc"));

        for (var statement : statements.entrySet()) {
            for (Map<String, String> step : explain(statement.getKey(), statement.getValue())) {
                assertThat(step.get("select_type")).as(statement.getKey() + ": " + step).isEqualTo("SIMPLE");
                assertThat(step.get("table")).as(statement.getKey() + ": " + step).doesNotStartWith("<derived");
            }
        }
    }

    /** The EXPLAIN rows of a mapper statement, bound to these parameters as MyBatis binds them. */
    private List<Map<String, String>> explain(String statementId, Map<String, Object> parameters) throws Exception {
        MappedStatement statement = mybatis.getConfiguration().getMappedStatement(statementId);
        Object parameter = parameters.isEmpty() ? null : new HashMap<>(parameters);
        BoundSql sql = statement.getBoundSql(parameter);
        ParameterHandler binder = new DefaultParameterHandler(statement, parameter, sql);
        List<Map<String, String>> steps = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql.getSql())) {
            binder.setParameters(explain);
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    steps.add(Map.of("select_type", String.valueOf(rows.getString("select_type")),
                            "table", String.valueOf(rows.getString("table")), "key", String.valueOf(rows.getString("key"))));
                }
            }
        }
        assertThat(steps).as(statementId).isNotEmpty();
        return steps;
    }

    private static Map<String, Object> withNulls(Map<String, Object> parameters, String... absent) {
        Map<String, Object> all = new HashMap<>(parameters);
        for (String name : absent) {
            all.put(name, null);
        }
        return all;
    }
}
