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
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static cn.chongchuan.safetycredit.credit.subject.PersonalDataKeyCheckTest.jdbc;
import static cn.chongchuan.safetycredit.credit.subject.PersonalDataKeyCheckTest.rootMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12, point 2: rotating the HMAC key of the personal lookup hash never turns a listed person
 * CLEAR. With the new key current and the old one previous, persons are found and checked under
 * either; the re-hash moves them (listings, versions, pending events) page by page; afterwards the
 * old key can go, and the audit search still finds the checks made under it. A database of its own.
 */
class HmacKeyRotationTest {

    private static final String NEW_HMAC_KEY = "bmV3LWhtYWMta2V5LWFmdGVyLWEtcm90YXRpb24tMzI=";
    private static final String ADMIN = TestTokens.bearer("AWB", "ADMIN");

    private final String database = "rotation_" + System.nanoTime() % 1_000_000_000L;

    private ConfigurableApplicationContext start(String hmacKey, String... previousHmacKeys) {
        return new SpringApplicationBuilder(CreditServiceApplication.class).profiles("test")
                .properties("server.port=0", "spring.jmx.enabled=false", "credit.relay.enabled=false",
                        "devstack.database=" + database, "security.internal-token.secret=" + TestTokens.SECRET,
                        "credit.personal-data.hmac-key=" + hmacKey,
                        "credit.personal-data.encryption-key=" + ServiceTest.TEST_ENCRYPTION_KEY,
                        "credit.personal-data.previous-hmac-keys=" + String.join(",", previousHmacKeys))
                .run();
    }

    @Test
    void everyListedPersonStaysListedThroughARotation() {
        List<String> listed = new ArrayList<>();
        String proposed = ViolationFixture.aResidentId();
        try (ConfigurableApplicationContext before = start(ServiceTest.TEST_HMAC_KEY)) {
            Http http = http(before);
            Scenario scenario = new Scenario(http);
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            for (int i = 0; i < 3; i++) {
                String id = ViolationFixture.aResidentId();
                JsonNode violation = scenario.violation(aViolation().withoutPersons().withPrincipal("轮换" + i, id));
                scenario.list(Scenario.personListing(violation), today);
                listed.add(id);
            }
            scenario.violation(aViolation().withoutPersons().withPrincipal("拟列入", proposed));
            listed.forEach(id -> assertThat(status(http, id)).isEqualTo("LISTED"));
        }

        // The new key is current, the old one previous: nobody has been re-hashed yet.
        try (ConfigurableApplicationContext during = start(NEW_HMAC_KEY, ServiceTest.TEST_HMAC_KEY)) {
            Http http = http(during);
            listed.forEach(id -> assertThat(status(http, id)).as("found under the previous key").isEqualTo("LISTED"));
            assertThat(status(http, proposed)).isEqualTo("PROPOSED");
            // A new case naming a person not yet moved finds that person, not a second one.
            new Scenario(http).violation(aViolation().withoutPersons().withPrincipal("轮换0", listed.getFirst()));
            assertThat(jdbc(during).queryForObject("SELECT COUNT(*) FROM person", Integer.class)).isEqualTo(4);

            JsonNode status = http.get("/api/v1/subjects/persons/hash-keys", "Authorization", ADMIN).json();
            assertThat(status.get("waitingForRehash").asLong()).isEqualTo(4);
            assertThat(status.get("previousKeyIds")).hasSize(1);

            Http.Response page = http.postJson("/api/v1/subjects/persons/hash-keys/rehash", "{\"limit\":2}",
                    "Authorization", ADMIN);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().get("rehashed").asInt()).isEqualTo(2);
            assertThat(page.json().get("waitingForRehash").asLong()).isEqualTo(2);
            // Half moved: every person still answers as before — read from the database under both
            // keys at once, never half from the cache (a re-hash between two reads could hide it).
            listed.forEach(id -> assertThat(status(http, id)).as("half-way").isEqualTo("LISTED"));
            assertThat(http.postJson("/api/v1/checks/single", "{\"code\":\"" + listed.getFirst() + "\"}",
                    "Authorization", TestTokens.bearer("XZSPJ", "APPROVAL")).json().get("source").asString())
                    .isEqualTo("database");
            assertThat(status(http, proposed)).isEqualTo("PROPOSED");

            Http.Response rest = http.postJson("/api/v1/subjects/persons/hash-keys/rehash", "{}", "Authorization", ADMIN);
            assertThat(rest.json().get("waitingForRehash").asLong()).isZero();
            listed.forEach(id -> assertThat(status(http, id)).as("all moved").isEqualTo("LISTED"));
            String newKeyId = during.getBean(PersonalIdProtector.class).hmacKeyId();
            assertThat(jdbc(during).queryForList("SELECT DISTINCT id_hash_key FROM person", String.class))
                    .containsExactly(newKeyId);
            assertThat(jdbc(during).queryForObject("SELECT COUNT(*) FROM listing l JOIN person p ON p.id = l.person_id "
                    + "WHERE l.subject_key <> CONCAT('P:', p.id_hash)", Integer.class))
                    .as("every listing follows its person to the new key").isZero();
            assertThat(http.get("/api/v1/subjects/persons/hash-keys", "Authorization", TestTokens.bearer("AJJ",
                    "ENFORCEMENT")).status()).isEqualTo(403);
        }

        // The old key is gone from the configuration: the register needs it no more.
        try (ConfigurableApplicationContext after = start(NEW_HMAC_KEY)) {
            Http http = http(after);
            listed.forEach(id -> assertThat(status(http, id)).as("after the rotation").isEqualTo("LISTED"));
            // Audit rows keep the key they were written with; the search by number still finds them.
            String search = "{\"code\":\"" + listed.get(1) + "\",\"size\":100}";
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(http.postJson(
                    "/api/v1/checks/audit/search", search, "Authorization", ADMIN).json().get("items").size())
                    .as("the checks before, during and after the rotation").isEqualTo(5));
        }

        // And a service started with the old key alone is refused: nobody is hashed under it any more.
        assertThatThrownBy(() -> start(ServiceTest.TEST_HMAC_KEY).close())
                .satisfies(e -> assertThat(rootMessage(e)).startsWith("refusing to start"));
    }

    private static String status(Http http, String idNumber) {
        Http.Response answer = http.postJson("/api/v1/checks/single", "{\"code\":\"" + idNumber + "\"}",
                "Authorization", TestTokens.bearer("XZSPJ", "APPROVAL"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("status").asString();
    }

    private static Http http(ConfigurableApplicationContext context) {
        return Http.local(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
