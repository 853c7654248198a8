package cn.chongchuan.safetycredit.sanction.department;

import cn.chongchuan.safetycredit.devstack.StandardWebhooksVerifier;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import cn.chongchuan.safetycredit.sanction.SanctionServiceApplication;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.TestDepartments;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotating the key that encrypts the departments' signing secrets at rest: with the new key current
 * and the old one previous every secret still signs; the re-encryption moves every stored secret to
 * the new key; then the old key can go. A key the secrets were not encrypted with is refused at
 * start. A database of its own.
 */
class SecretEncryptionKeyRotationTest {

    private static final String OLD_KEY = "b2xkLWRlcGFydG1lbnQtc2VjcmV0LWVuY3J5cHRpb24=";
    private static final String NEW_KEY = "bmV3LWRlcGFydG1lbnQtc2VjcmV0LWVuY3J5cHRpb24=";
    private static final String OTHER_KEY = "b3RoZXItZGVwYXJ0bWVudC1zZWNyZXQtZW5jcnlwdGlv";
    private static final String PATH = "/api/v1/departments/secret-encryption-keys";

    private final String database = "secretrotation_" + System.nanoTime() % 1_000_000_000L;

    private ConfigurableApplicationContext start(String key, String... previousKeys) {
        return new SpringApplicationBuilder(SanctionServiceApplication.class).profiles("test")
                .properties("server.port=0", "spring.jmx.enabled=false", "devstack.database=" + database,
                        "security.internal-token.secret=" + TestTokens.SECRET,
                        "sanction.secrets.encryption-key=" + key,
                        "sanction.secrets.previous-encryption-keys=" + String.join(",", previousKeys))
                .run();
    }

    @Test
    void everySecretStillSignsThroughARotationAndAWrongKeyIsStillRefused() {
        Map<String, String> secrets = new LinkedHashMap<>(); // department code -> secret
        String withKeyPair;
        String publicKey;
        try (ConfigurableApplicationContext before = start(OLD_KEY)) {
            Api api = api(before);
            for (int i = 0; i < 3; i++) {
                String code = TestDepartments.newCode("E");
                api.put("/api/v1/departments/" + code, "{\"name\":\"轮换\",\"roles\":[\"PARTNER\"],\"enabled\":false}",
                        Api.admin());
                Http.Response issued = api.post("/api/v1/departments/" + code + "/secrets", "", Api.admin());
                assertThat(issued.status()).as(issued.body()).isEqualTo(201);
                secrets.put(code, issued.json().get("secret").asString());
            }
            // And one Ed25519 key pair, whose private key is encrypted like the secrets (V9).
            withKeyPair = secrets.keySet().iterator().next();
            Http.Response pair = api.post("/api/v1/departments/" + withKeyPair + "/ed25519-keys", "", Api.admin());
            assertThat(pair.status()).as(pair.body()).isEqualTo(201);
            publicKey = pair.json().get("publicKey").asString();
            // One secret as stored before key ids were recorded (V8): marked on the next start.
            jdbc(before).update("UPDATE department_secret SET encryption_key_id = NULL ORDER BY id LIMIT 1");
        }

        assertThatThrownBy(() -> start(NEW_KEY).close()).satisfies(e -> assertThat(rootMessage(e))
                .startsWith("refusing to start: stored signing secrets were encrypted with key id"));

        try (ConfigurableApplicationContext during = start(NEW_KEY, OLD_KEY)) {
            Api api = api(during);
            secrets.forEach((code, secret) -> assertThat(signingSecret(during, code)).as("read under the previous key")
                    .isEqualTo(secret));
            assertThat(jdbc(during).queryForObject(
                    "SELECT COUNT(*) FROM department_secret WHERE encryption_key_id IS NULL", Integer.class)).isZero();

            Http.Response status = api.get(PATH, Api.admin());
            assertThat(status.status()).as(status.body()).isEqualTo(200);
            assertThat(status.json().get("previousKeyIds")).hasSize(1);
            assertThat(status.json().get("waitingForReencryption").asLong()).isEqualTo(4);
            assertThat(signsWithKeyPair(during, withKeyPair, publicKey)).as("private key read under the previous key")
                    .isTrue();

            assertThat(api.get(PATH, Api.partner("ZJJ")).status()).isEqualTo(403);
            assertThat(api.post(PATH + "/reencrypt", "{}", Api.partner("ZJJ")).status()).isEqualTo(403);
            assertThat(api.post(PATH + "/reencrypt", "{}", Api.service()).status()).isEqualTo(403);
            assertThat(api.post(PATH + "/reencrypt", "{}", null).status()).isEqualTo(401);
            Http.Response tooMany = api.post(PATH + "/reencrypt", "{\"limit\":0}", Api.admin());
            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(tooMany.header("Content-Type")).startsWith("application/problem+json");

            Http.Response page = api.post(PATH + "/reencrypt", "{\"limit\":2}", Api.admin());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.json().get("reencrypted").asInt()).isEqualTo(2);
            assertThat(page.json().get("waitingForReencryption").asLong()).isEqualTo(2);
            Http.Response rest = api.post(PATH + "/reencrypt", null, Api.admin());
            assertThat(rest.json().get("reencrypted").asInt()).isEqualTo(2);
            assertThat(rest.json().get("waitingForReencryption").asLong()).isZero();
            String newKeyId = status.json().get("currentKeyId").asString();
            assertThat(jdbc(during).queryForList("SELECT DISTINCT encryption_key_id FROM department_secret",
                    String.class)).containsExactly(newKeyId);
            assertThat(jdbc(during).queryForList("SELECT DISTINCT encryption_key_id FROM department_signing_key",
                    String.class)).containsExactly(newKeyId);
            secrets.forEach((code, secret) -> {
                assertThat(signingSecret(during, code)).as("after the re-encryption").isEqualTo(secret);
                assertThat(status.body() + page.body() + rest.body()).doesNotContain(secret);
            });
        }

        try (ConfigurableApplicationContext after = start(NEW_KEY)) {
            secrets.forEach((code, secret) -> assertThat(signingSecret(after, code)).as("old key dropped")
                    .isEqualTo(secret));
            assertThat(signsWithKeyPair(after, withKeyPair, publicKey)).as("old key dropped").isTrue();
        }

        assertThatThrownBy(() -> start(OLD_KEY).close()).satisfies(e -> assertThat(rootMessage(e))
                .startsWith("refusing to start").contains("encrypted with key id"));
        assertThatThrownBy(() -> start(OTHER_KEY).close()).satisfies(e -> assertThat(rootMessage(e))
                .startsWith("refusing to start"));
    }

    private static String signingSecret(ConfigurableApplicationContext context, String code) {
        return new String(context.getBean(DepartmentService.class).signingKeys(code).getFirst().secret(),
                StandardCharsets.UTF_8);
    }

    /** Whether the department's notices carry a v1a signature its public key verifies (Bouncy Castle). */
    private static boolean signsWithKeyPair(ConfigurableApplicationContext context, String code, String publicKey) {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        long now = java.time.Instant.now().getEpochSecond();
        WebhookHeaders headers = context.getBean(NoticeSigner.class).sign(code, "n-1", now, body);
        return new StandardWebhooksVerifier(List.of(), List.of(publicKey), java.time.Clock.systemUTC())
                .verifies(headers.id(), headers.timestamp(), headers.signature(), body);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static JdbcTemplate jdbc(ConfigurableApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
