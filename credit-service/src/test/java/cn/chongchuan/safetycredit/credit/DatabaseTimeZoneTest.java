package cn.chongchuan.safetycredit.credit;

import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.devstack.EmbeddedMariaDb;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database server set up in China often runs at +08:00, and so may the service's JVM. The
 * service pins its connections to UTC (credit-service's datasource properties), so the instants it
 * stores are the same DATETIME values as on a +00:00 server: here a MariaDB of this test's own at
 * +08:00, reached with a plain JDBC URL (none of the devstack's zone parameters), from a JVM whose
 * default zone is Asia/Shanghai.
 */
class DatabaseTimeZoneTest {

    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    @Test
    void instantsAreStoredAsUtcOnADatabaseServerAtPlusEightHours() {
        TimeZone jvmZone = TimeZone.getDefault();
        try (EmbeddedMariaDb server = EmbeddedMariaDb.start(0, "+08:00")) {
            server.createDatabase("credit_zone");
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CreditServiceApplication.class)
                    .profiles("test")
                    .properties("server.port=0", "spring.jmx.enabled=false", "credit.relay.enabled=false",
                            "security.internal-token.secret=" + TestTokens.SECRET,
                            "credit.personal-data.hmac-key=" + ServiceTest.TEST_HMAC_KEY,
                            "credit.personal-data.encryption-key=" + ServiceTest.TEST_ENCRYPTION_KEY,
                            "spring.datasource.url=jdbc:mysql://127.0.0.1:" + server.port()
                                    + "/credit_zone?sslMode=DISABLED&allowPublicKeyRetrieval=true",
                            "spring.datasource.username=" + server.username(), "spring.datasource.password=")
                    .run()) {
                Http http = Http.local(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
                Http.Response recorded = http.postJson("/api/v1/violations", ViolationFixture.aViolation().json(),
                        "Authorization", TestTokens.bearer("AJJ", "ENFORCEMENT"));
                assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
                JsonNode version = recorded.json().get("versions").get(0);
                Instant recordedAt = Instant.parse(version.get("recordedAt").asString());

                JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
                String stored = jdbc.queryForObject("SELECT DATE_FORMAT(recorded_at, '%Y-%m-%d %H:%i:%s.%f') "
                        + "FROM violation_version WHERE violation_id = ?", String.class, recorded.json().get("id").asLong());

                assertThat(stored).as("the DATETIME holds the UTC time of " + recordedAt)
                        .startsWith(STORED.format(recordedAt));
                assertThat(jdbc.queryForObject("SELECT @@global.time_zone", String.class)).isEqualTo("+08:00");
            }
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }
}
