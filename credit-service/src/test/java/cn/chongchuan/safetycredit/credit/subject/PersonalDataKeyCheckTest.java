package cn.chongchuan.safetycredit.credit.subject;

import cn.chongchuan.safetycredit.credit.CreditServiceApplication;
import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A person is found by the HMAC of the ID number: under another key nobody is found and every
 * listed person would be checked CLEAR. So the service refuses to start with keys that do not fit
 * the stored persons — whether their key id is recorded or, for rows from before it was, by
 * hashing their decrypted number again. Each run uses a database of its own.
 */
class PersonalDataKeyCheckTest {

    private static final String OTHER_HMAC_KEY = "b3RoZXItaG1hYy1rZXktZm9yLWEtd3Jvbmctc3RhcnQ=";
    private static final String OTHER_ENCRYPTION_KEY = "b3RoZXItZW5jcnlwdGlvbi1rZXktZm9yLWEtc3RhcnQ=";

    private final String database = "keycheck_" + System.nanoTime() % 1_000_000_000L;

    private ConfigurableApplicationContext start(String hmacKey, String encryptionKey) {
        return new SpringApplicationBuilder(CreditServiceApplication.class).profiles("test")
                .properties("server.port=0", "spring.jmx.enabled=false", "credit.relay.enabled=false",
                        "devstack.database=" + database, "security.internal-token.secret=" + TestTokens.SECRET,
                        "credit.personal-data.hmac-key=" + hmacKey, "credit.personal-data.encryption-key=" + encryptionKey)
                .run();
    }

    private ConfigurableApplicationContext startWithTheRegistersKeys() {
        return start(ServiceTest.TEST_HMAC_KEY, ServiceTest.TEST_ENCRYPTION_KEY);
    }

    @Test
    void theServiceRefusesToStartWithAnHmacKeyTheRegisterWasNotWrittenWith() {
        String idNumber = ViolationFixture.aResidentId();
        try (ConfigurableApplicationContext first = startWithTheRegistersKeys()) {
            Http http = Http.local(Integer.parseInt(first.getEnvironment().getProperty("local.server.port")));
            Http.Response recorded = http.postJson("/api/v1/violations",
                    aViolation().withoutPersons().withPrincipal("钥匙", idNumber)
                            .withOther("另一人", ViolationFixture.aResidentId()).json(),
                    "Authorization", TestTokens.bearer("AJJ", "ENFORCEMENT"));
            assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
            String keyId = first.getBean(PersonalIdProtector.class).hmacKeyId();
            assertThat(jdbc(first).queryForList("SELECT DISTINCT id_hash_key FROM person", String.class))
                    .containsExactly(keyId);
        }

        assertThatThrownBy(() -> start(OTHER_HMAC_KEY, ServiceTest.TEST_ENCRYPTION_KEY).close())
                .satisfies(e -> assertThat(rootMessage(e)).startsWith("refusing to start: persons in the register "
                        + "were hashed with HMAC key id").contains("every listed person would be checked CLEAR"));
        assertThatThrownBy(() -> start(ServiceTest.TEST_HMAC_KEY, OTHER_ENCRYPTION_KEY).close())
                .satisfies(e -> assertThat(rootMessage(e)).contains("encryption-key cannot decrypt"));

        try (ConfigurableApplicationContext again = startWithTheRegistersKeys()) {
            // Rows from before key ids were recorded: verified by hashing their number again.
            jdbc(again).update("UPDATE person SET id_hash_key = NULL");
        }
        assertThatThrownBy(() -> start(OTHER_HMAC_KEY, ServiceTest.TEST_ENCRYPTION_KEY).close())
                .satisfies(e -> assertThat(rootMessage(e)).contains("was hashed with another HMAC key"));
        try (ConfigurableApplicationContext marked = startWithTheRegistersKeys()) {
            assertThat(jdbc(marked).queryForObject("SELECT COUNT(*) FROM person WHERE id_hash_key IS NULL", Long.class))
                    .isZero();
            // One damaged stored number is reported, not a reason to stop the whole register.
            jdbc(marked).update("UPDATE person SET id_cipher = 'not-base64!' ORDER BY id LIMIT 1");
        }
        try (ConfigurableApplicationContext stillStarts = startWithTheRegistersKeys()) {
            assertThat(stillStarts.isActive()).isTrue();
        }
    }

    static JdbcTemplate jdbc(ConfigurableApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
