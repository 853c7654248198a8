package cn.chongchuan.safetycredit.credit.subject;

import cn.chongchuan.safetycredit.credit.CreditServiceApplication;
import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.support.Scenario;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.Map;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static cn.chongchuan.safetycredit.credit.subject.PersonalDataKeyCheckTest.jdbc;
import static cn.chongchuan.safetycredit.credit.subject.PersonalDataKeyCheckTest.rootMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotating the encryption key of the stored personal ID numbers: with the new key current and the
 * old one previous, every stored number still reads; the re-encryption moves every row to the new
 * key; then the old key can go and everything still reads, while a service started with a key the
 * register was not written with is still refused. A database of its own.
 */
class EncryptionKeyRotationTest {

    private static final String NEW_ENCRYPTION_KEY = "bmV3LWVuY3J5cHRpb24ta2V5LWFmdGVyLXJvdGF0aW8=";
    private static final String OTHER_ENCRYPTION_KEY = "b3RoZXItZW5jcnlwdGlvbi1rZXktZm9yLWEtc3RhcnQ=";
    private static final String ADMIN = TestTokens.bearer("AWB", "ADMIN");
    private static final String ENFORCEMENT = TestTokens.bearer("AJJ", "ENFORCEMENT");

    private final String database = "encrotation_" + System.nanoTime() % 1_000_000_000L;

    private ConfigurableApplicationContext start(String encryptionKey, String... previousEncryptionKeys) {
        return new SpringApplicationBuilder(CreditServiceApplication.class).profiles("test")
                .properties("server.port=0", "spring.jmx.enabled=false", "credit.relay.enabled=false",
                        "devstack.database=" + database, "security.internal-token.secret=" + TestTokens.SECRET,
                        "credit.personal-data.hmac-key=" + ServiceTest.TEST_HMAC_KEY,
                        "credit.personal-data.encryption-key=" + encryptionKey,
                        "credit.personal-data.previous-encryption-keys=" + String.join(",", previousEncryptionKeys))
                .run();
    }

    @Test
    void everyStoredNumberReadsThroughARotationAndAWrongKeyIsStillRefused() {
        Map<String, String> numbers = new LinkedHashMap<>(); // personId -> ID number
        try (ConfigurableApplicationContext before = start(ServiceTest.TEST_ENCRYPTION_KEY)) {
            Scenario scenario = new Scenario(http(before));
            for (int i = 0; i < 3; i++) {
                String id = ViolationFixture.aResidentId();
                numbers.put(personId(scenario, "加密" + i, id), id);
            }
            String oldKeyId = before.getBean(PersonalIdProtector.class).encryptionKeyId();
            assertThat(jdbc(before).queryForList("SELECT DISTINCT id_cipher_key FROM person", String.class))
                    .containsExactly(oldKeyId);
            // One row as stored before key ids were recorded (V16): marked on the next start.
            jdbc(before).update("UPDATE person SET id_cipher_key = NULL ORDER BY id LIMIT 1");
        }

        // The new key alone: the register was not written with it.
        assertThatThrownBy(() -> start(NEW_ENCRYPTION_KEY).close())
                .satisfies(e -> assertThat(rootMessage(e)).startsWith("refusing to start")
                        .contains("encryption-key cannot decrypt"));

        // The new key current, the old one previous: everything reads, nothing re-encrypted yet.
        try (ConfigurableApplicationContext during = start(NEW_ENCRYPTION_KEY, ServiceTest.TEST_ENCRYPTION_KEY)) {
            Http http = http(during);
            numbers.forEach((personId, id) -> assertThat(reveal(http, personId)).as("read under the previous key")
                    .isEqualTo(id));
            String newKeyId = during.getBean(PersonalIdProtector.class).encryptionKeyId();
            assertThat(jdbc(during).queryForObject("SELECT COUNT(*) FROM person WHERE id_cipher_key IS NULL",
                    Integer.class)).as("the unrecorded row is marked").isZero();
            // A person registered now is encrypted with the current key.
            String fresh = ViolationFixture.aResidentId();
            String freshPerson = personId(new Scenario(http), "新钥", fresh);
            assertThat(jdbc(during).queryForObject("SELECT id_cipher_key FROM person WHERE public_id = ?", String.class,
                    freshPerson)).isEqualTo(newKeyId);
            numbers.put(freshPerson, fresh);

            String path = "/api/v1/subjects/persons/encryption-keys";
            Http.Response status = http.get(path, "Authorization", ADMIN);
            assertThat(status.status()).as(status.body()).isEqualTo(200);
            assertThat(status.json().get("currentKeyId").asString()).isEqualTo(newKeyId);
            assertThat(status.json().get("previousKeyIds")).hasSize(1);
            assertThat(status.json().get("waitingForReencryption").asLong()).isEqualTo(3);

            // Role checks and RFC 9457 problems.
            assertThat(http.get(path, "Authorization", ENFORCEMENT).status()).isEqualTo(403);
            assertThat(http.postJson(path + "/reencrypt", "{}", "Authorization", ENFORCEMENT).status()).isEqualTo(403);
            assertThat(http.postJson(path + "/reencrypt", "{}", "Authorization", TestTokens.bearer("XZSPJ",
                    "APPROVAL")).status()).isEqualTo(403);
            Http.Response tooMany = http.postJson(path + "/reencrypt", "{\"limit\":5001}", "Authorization", ADMIN);
            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(tooMany.header("Content-Type")).startsWith("application/problem+json");
            assertThat(jdbc(during).queryForObject("SELECT COUNT(*) FROM person WHERE id_cipher_key = ?",
                    Integer.class, newKeyId)).as("refused calls moved nothing").isEqualTo(1);

            Http.Response page = http.postJson(path + "/reencrypt", "{\"limit\":2}", "Authorization", ADMIN);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().get("reencrypted").asInt()).isEqualTo(2);
            assertThat(page.json().get("waitingForReencryption").asLong()).isEqualTo(1);
            numbers.forEach((personId, id) -> assertThat(reveal(http, personId)).as("half-way").isEqualTo(id));

            Http.Response rest = http.postJson(path + "/reencrypt", "{}", "Authorization", ADMIN);
            assertThat(rest.json().get("reencrypted").asInt()).isEqualTo(1);
            assertThat(rest.json().get("waitingForReencryption").asLong()).isZero();
            assertThat(rest.json().get("unreadablePersons")).isEmpty();
            assertThat(jdbc(during).queryForList("SELECT DISTINCT id_cipher_key FROM person", String.class))
                    .containsExactly(newKeyId);
            numbers.values().forEach(id -> assertThat(page.body() + rest.body() + status.body()).doesNotContain(id));
        }

        // The old key is gone from the configuration: everything still reads.
        try (ConfigurableApplicationContext after = start(NEW_ENCRYPTION_KEY)) {
            Http http = http(after);
            numbers.forEach((personId, id) -> assertThat(reveal(http, personId)).as("after the rotation").isEqualTo(id));
        }

        // The old key alone, or another key, is refused: nothing is encrypted with them any more.
        assertThatThrownBy(() -> start(ServiceTest.TEST_ENCRYPTION_KEY).close())
                .satisfies(e -> assertThat(rootMessage(e)).startsWith("refusing to start")
                        .contains("encryption-key cannot decrypt"));
        assertThatThrownBy(() -> start(OTHER_ENCRYPTION_KEY).close())
                .satisfies(e -> assertThat(rootMessage(e)).startsWith("refusing to start")
                        .contains("encryption-key cannot decrypt"));
    }

    private static String personId(Scenario scenario, String name, String idNumber) {
        return scenario.violation(aViolation().withoutPersons().withPrincipal(name, idNumber)).get("persons").get(0)
                .get("personId").asString();
    }

    private static String reveal(Http http, String personId) {
        Http.Response revealed = http.postJson("/api/v1/subjects/persons/" + personId + "/id-number-reveals",
                "{\"reason\":\"密钥轮换核对\"}", "Authorization", ADMIN);
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(201);
        return revealed.json().get("idNumber").asString();
    }

    private static Http http(ConfigurableApplicationContext context) {
        return Http.local(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
