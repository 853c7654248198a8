package cn.chongchuan.safetycredit.sanction.department;

import cn.chongchuan.safetycredit.devstack.StandardWebhooksVerifier;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.sanction.ServiceTest;
import cn.chongchuan.safetycredit.sanction.department.internal.DepartmentMapper;
import cn.chongchuan.safetycredit.sanction.testing.Api;
import cn.chongchuan.safetycredit.sanction.testing.TestDepartments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link NoticeSigner} on the registry as stored: every active secret and key pair, in order, or a clear refusal. */
@ServiceTest
class NoticeSignerTest {

    private static final byte[] BODY = "{\"noticeId\":\"n-1\",\"kind\":\"SANCTION_START\",\"subjectName\":\"南通某某化工\"}"
            .getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;
    @Autowired
    NoticeSigner signer;
    @Autowired
    DepartmentMapper mapper;
    @Autowired
    SecretCipher cipher;
    @Autowired
    MutableClock clock;

    private Api api() {
        return new Api(port);
    }

    private String aDepartment() {
        String code = TestDepartments.newCode("N");
        Http.Response registered = api().put("/api/v1/departments/" + code,
                "{\"name\":\"签名\",\"roles\":[\"PARTNER\"],\"enabled\":false}", Api.admin());
        assertThat(registered.status()).as(registered.body()).isEqualTo(200);
        return code;
    }

    private String newSecret(String code) {
        return api().post("/api/v1/departments/" + code + "/secrets", "", Api.admin()).json().get("secret").asString();
    }

    private String newPublicKey(String code) {
        return api().post("/api/v1/departments/" + code + "/ed25519-keys", "", Api.admin()).json().get("publicKey")
                .asString();
    }

    private boolean verifies(List<String> secrets, List<String> publicKeys, WebhookHeaders headers, String signature) {
        return new StandardWebhooksVerifier(secrets, publicKeys, clock).verifies(headers.id(), headers.timestamp(),
                signature, BODY);
    }

    @Test
    void everyActiveSecretThenEveryActiveKeyPairSignsNewestFirst() {
        String code = aDepartment();
        String olderSecret = newSecret(code);
        String newerSecret = newSecret(code);
        String olderKey = newPublicKey(code);
        String newerKey = newPublicKey(code);
        long now = clock.instant().getEpochSecond();

        WebhookHeaders headers = signer.sign(code, "n-1", now, BODY);

        assertThat(headers.id()).isEqualTo("n-1");
        assertThat(headers.timestamp()).isEqualTo(Long.toString(now));
        String[] signatures = headers.signature().split(" ");
        assertThat(signatures).hasSize(4);
        assertThat(verifies(List.of(newerSecret), List.of(), headers, signatures[0])).isTrue();
        assertThat(verifies(List.of(olderSecret), List.of(), headers, signatures[1])).isTrue();
        assertThat(verifies(List.of(), List.of(newerKey), headers, signatures[2])).isTrue();
        assertThat(verifies(List.of(), List.of(olderKey), headers, signatures[3])).isTrue();
        assertThat(verifies(List.of(newerSecret), List.of(newerKey), headers, headers.signature())).isTrue();
        assertThat(verifies(List.of(olderSecret), List.of(), headers, signatures[0])).isFalse();
    }

    @Test
    void aSecretStoredInTheEarlierBase64UrlFormSignsWithItsStandardKey() {
        String code = aDepartment();
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) 0xfb);
        String earlier = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        byte[] plain = earlier.getBytes(StandardCharsets.UTF_8);
        mapper.insertSecret(code, "k-earlier-" + code, cipher.encrypt(plain), cipher.keyId(), DepartmentService.fingerprint(plain), clock.instant());

        WebhookHeaders headers = signer.sign(code, "n-1", clock.instant().getEpochSecond(), BODY);

        assertThat(verifies(List.of(StandardWebhooksVerifier.standardSecret(earlier)), List.of(), headers,
                headers.signature())).isTrue();
        assertThat(verifies(List.of("whsec_" + Base64.getEncoder().encodeToString(raw)), List.of(), headers,
                headers.signature())).isTrue();
    }

    @Test
    void withoutAnActiveSecretNoNoticeIsSigned() {
        String code = aDepartment();
        newPublicKey(code);

        assertThatThrownBy(() -> signer.sign(code, "n-1", clock.instant().getEpochSecond(), BODY))
                .isInstanceOf(NoticeSigningException.class).hasMessage("department has no active signing secret");
    }

    @Test
    void aSecretOrPrivateKeyTheEncryptionKeyCannotOpenIsAClearRefusal() {
        String code = aDepartment();
        String keyId = "k-broken-" + code;
        mapper.insertSecret(code, keyId, new byte[60], cipher.keyId(), "0000000000000000", clock.instant());
        try {
            assertThatThrownBy(() -> signer.sign(code, "n-1", clock.instant().getEpochSecond(), BODY))
                    .isInstanceOf(NoticeSigningException.class)
                    .hasMessage("department's signing secret cannot be decrypted");
        } finally {
            mapper.retireSecret(code, keyId, clock.instant());
        }

        String notASecret = "k-notwhsec-" + code;
        mapper.insertSecret(code, notASecret, cipher.encrypt("password".getBytes(StandardCharsets.UTF_8)), cipher.keyId(),
                "0000000000000000", clock.instant());
        try {
            assertThatThrownBy(() -> signer.sign(code, "n-1", clock.instant().getEpochSecond(), BODY))
                    .isInstanceOf(NoticeSigningException.class)
                    .hasMessage("department's signing secret cannot be decrypted");
        } finally {
            mapper.retireSecret(code, notASecret, clock.instant());
        }

        newSecret(code);
        String pairId = "pk-broken-" + code;
        mapper.insertSigningKey(code, pairId, new byte[32], new byte[60], cipher.keyId(), clock.instant());
        try {
            assertThatThrownBy(() -> signer.sign(code, "n-1", clock.instant().getEpochSecond(), BODY))
                    .isInstanceOf(NoticeSigningException.class)
                    .hasMessage("department's Ed25519 signing key cannot be decrypted");
        } finally {
            mapper.retireSigningKey(code, pairId, clock.instant());
        }
    }

    @Test
    void anIdWithAFullStopOrABodyThatIsNotUtf8IsRefused() {
        String code = aDepartment();
        newSecret(code);

        assertThatThrownBy(() -> signer.sign(code, "n.1", 1L, BODY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign(code, "n-1", 1L, new byte[] {(byte) 0xff}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEd25519KeyEndpointsAnswerThePublicKeyOnlyAndRotateLikeTheSecrets() {
        String code = aDepartment();
        Http.Response first = api().post("/api/v1/departments/" + code + "/ed25519-keys", "", Api.admin());
        Http.Response second = api().post("/api/v1/departments/" + code + "/ed25519-keys", "", Api.admin());
        Http.Response third = api().post("/api/v1/departments/" + code + "/ed25519-keys", "", Api.admin());

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(third.json().propertyNames()).containsExactlyInAnyOrder("department", "keyId", "publicKey",
                "createdAt", "activeKeyIds");
        assertThat(third.json().get("keyId").asString()).matches("pk-[0-9a-f]{12}");
        assertThat(third.json().get("activeKeyIds").valueStream().map(n -> n.asString()))
                .containsExactly(third.json().get("keyId").asString(), second.json().get("keyId").asString());
        Http.Response view = api().get("/api/v1/departments/" + code, Api.admin());
        assertThat(view.json().get("ed25519Keys").findValuesAsString("publicKey"))
                .containsExactly(third.json().get("publicKey").asString(), second.json().get("publicKey").asString());
        // The private key is stored encrypted (nonce + PKCS#8 + tag), never in the answer.
        assertThat(mapper.findActiveSigningKeys(code).getFirst().encryptedPrivateKey()).hasSize(12 + 48 + 16);
        assertThat(api().post("/api/v1/departments/NOSUCH/ed25519-keys", "", Api.admin()).status()).isEqualTo(404);
        // The department itself reads its public keys; another department's are as if absent.
        Http.Response own = api().get("/api/v1/departments/" + code + "/ed25519-keys", Api.partner(code));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().findValuesAsString("publicKey"))
                .containsExactly(third.json().get("publicKey").asString(), second.json().get("publicKey").asString());
        assertThat(api().get("/api/v1/departments/" + code + "/ed25519-keys", Api.admin()).status()).isEqualTo(200);
        Http.Response other = api().get("/api/v1/departments/" + code + "/ed25519-keys", Api.partner("ZJJ"));
        assertThat(other.status()).isEqualTo(404);
        Http.Response absent = api().get("/api/v1/departments/NOSUCH/ed25519-keys", Api.partner("NOSUCH"));
        assertThat(absent.status()).isEqualTo(404);
        assertThat(other.json().get("detail").asString())
                .isEqualTo(absent.json().get("detail").asString().replace("NOSUCH", code));
        assertThat(api().post("/api/v1/departments/" + code + "/ed25519-keys", "", Api.partner(code)).status())
                .isEqualTo(403);
    }
}
