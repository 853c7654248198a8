package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ServiceTest
class CheckReceiptAndAuditTest {


    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    Http http;
    CheckScenario scenario;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
        scenario = new CheckScenario(http);
        clock.set(Instant.now());
    }

    /** What a third party does with the JDK alone: PEM from the public endpoint, verify the signed text. */
    static boolean verifies(String pem, String signedText, String signatureBase64) throws Exception {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(signedText.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signatureBase64));
    }

    @Test
    void aReceiptVerifiesWithThePublishedKeyAndTamperingIsDetected() throws Exception {
        ViolationFixture fixture = aViolation();
        long listing = CheckScenario.unitListing(scenario.violation(fixture));
        scenario.list(listing, LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))));
        JsonNode answer = http.get("/api/v1/checks/" + fixture.uscc(), "Authorization", CheckScenario.xzspj()).json();
        JsonNode receipt = answer.get("receipt");
        Http.Response key = http.getPublic("/api/v1/public/check-signing-key");

        assertThat(key.status()).isEqualTo(200);
        assertThat(key.json().get("keyId").asString()).isEqualTo(receipt.get("keyId").asString());
        String pem = key.json().get("publicKeyPem").asString();
        String signedText = receipt.get("signedText").asString();
        assertThat(signedText).startsWith("safety-credit-check-receipt/3\nreceiptId:" + receipt.get("id").asString() + "\n")
                .contains("\nstatus:LISTED\n", "\nsubjectCode:" + fixture.uscc() + "\n", "\ndepartment:XZSPJ\n",
                        "\nlistingId:" + listing + "\n", "\nmeasures:M-XZSPJ-01,M-XZSPJ-02\n");
        assertThat(verifies(pem, signedText, receipt.get("signature").asString())).isTrue();
        assertThat(verifies(pem, signedText.replace("status:LISTED", "status:CLEAR"), receipt.get("signature").asString()))
                .isFalse();

        Http.Response stored = await().atMost(Duration.ofSeconds(10)).until(
                () -> http.get("/api/v1/checks/receipts/" + receipt.get("id").asString(), "Authorization", CheckScenario.xzspj()),
                r -> r.status() == 200);
        assertThat(stored.json().get("signedText").asString()).isEqualTo(signedText);
        assertThat(stored.json().get("signature").asString()).isEqualTo(receipt.get("signature").asString());
        assertThat(http.get("/api/v1/checks/receipts/" + receipt.get("id").asString(), "Authorization",
                CheckScenario.approval("ZJJ")).status()).as("another department's receipt").isEqualTo(404);
        assertThat(http.get("/api/v1/checks/receipts/" + receipt.get("id").asString(), "Authorization", CheckScenario.admin())
                .status()).isEqualTo(200);
    }

    @Test
    void theReceiptsOfABatchShareOneSignatureAndEachVerifiesAloneWithItsProof() throws Exception {
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            codes.append(i == 0 ? "" : ",").append('"').append(ViolationFixture.CODES.uscc("320602")).append('"');
        }
        JsonNode results = http.postJson("/api/v1/checks", "{\"codes\":[" + codes + "]}", "Authorization",
                CheckScenario.xzspj()).json().get("results");
        String pem = http.getPublic("/api/v1/public/check-signing-key").json().get("publicKeyPem").asString();

        for (JsonNode result : results) {
            JsonNode receipt = result.get("receipt");
            assertThat(receipt.get("algorithm").asString()).isEqualTo("Ed25519+SHA-256-Merkle");
            assertThat(receipt.get("signature").asString()).isEqualTo(results.get(0).get("receipt").get("signature").asString());
            java.util.List<String> proof = new java.util.ArrayList<>();
            receipt.get("proof").forEach(step -> proof.add(step.asString()));
            String statement = receipt.get("batchStatement").asString();
            String text = receipt.get("signedText").asString();
            assertThat(verifiesInBatch(pem, text, proof, statement, receipt.get("signature").asString())).isTrue();
            assertThat(verifiesInBatch(pem, text.replace("status:CLEAR", "status:LISTED"), proof, statement,
                    receipt.get("signature").asString())).as("tampered text").isFalse();
        }
        String id = results.get(3).get("receipt").get("id").asString();
        JsonNode stored = await().atMost(Duration.ofSeconds(10)).until(
                () -> http.get("/api/v1/checks/receipts/" + id, "Authorization", CheckScenario.xzspj()),
                r -> r.status() == 200).json();
        assertThat(stored.get("batchStatement").asString()).isEqualTo(results.get(3).get("receipt").get("batchStatement").asString());
        assertThat(stored.get("proof").toString()).isEqualTo(results.get(3).get("receipt").get("proof").toString());
    }

    /** Leaf and nodes as docs/licensing-check.md says, with the JDK alone. */
    static boolean verifiesInBatch(String pem, String signedText, java.util.List<String> proof, String statement,
            String signature) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update((byte) 0);
        byte[] hash = sha.digest(signedText.getBytes(StandardCharsets.UTF_8));
        for (String step : proof) {
            byte[] sibling = java.util.HexFormat.of().parseHex(step.substring(2));
            sha.update((byte) 1);
            if (step.startsWith("L:")) {
                sha.update(sibling);
                hash = sha.digest(hash);
            } else {
                sha.update(hash);
                hash = sha.digest(sibling);
            }
        }
        return statement.contains("\nroot:" + java.util.HexFormat.of().formatHex(hash) + "\n")
                && verifies(pem, statement, signature);
    }

    @Test
    void everyCheckIsAuditedAndTheCreditOfficeReadsItByDepartmentSubjectAndTime() {
        ViolationFixture fixture = aViolation();
        scenario.violation(fixture);
        String department = "T" + (System.nanoTime() % 100000);
        String asker = CheckScenario.approval(department);
        Instant from = clock.instant().minusSeconds(1);
        http.postJson("/api/v1/checks", "{\"codes\":[\"" + fixture.uscc() + "\",\"" + fixture.principalId() + "\"]}",
                "Authorization", asker);
        http.get("/api/v1/checks/" + fixture.uscc(), "Authorization", asker);
        JsonNode single = http.postJson("/api/v1/checks/single", "{\"code\":\"" + fixture.principalId() + "\"}",
                "Authorization", asker).json();

        JsonNode page = await().atMost(Duration.ofSeconds(10)).until(
                () -> http.get("/api/v1/checks/audit?department=" + department, "Authorization", CheckScenario.admin()).json(),
                p -> p.get("items").size() == 4);
        assertThat(page.get("items").findValuesAsString("receiptId")).contains(single.get("receipt").get("id").asString());
        assertThat(page.get("items").findValuesAsString("department")).containsOnly(department);
        assertThat(page.get("items").findValuesAsString("status")).containsOnly("PROPOSED");
        assertThat(page.toString()).doesNotContain(fixture.principalId());
        assertThat(page.get("items").findValuesAsString("subjectKey"))
                .anyMatch(k -> k.startsWith("P:") && k.length() == 66);

        JsonNode byUnit = http.get("/api/v1/checks/audit?department=" + department + "&code=" + fixture.uscc(),
                "Authorization", CheckScenario.admin()).json();
        assertThat(byUnit.get("items")).hasSize(2);
        Http.Response personInUrl = http.get("/api/v1/checks/audit?code=" + fixture.principalId(), "Authorization",
                CheckScenario.admin());
        assertThat(personInUrl.status()).isEqualTo(400);
        assertThat(personInUrl.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
        assertThat(personInUrl.body()).contains("POST /api/v1/checks/audit/search").doesNotContain(fixture.principalId());
        JsonNode byPerson = http.postJson("/api/v1/checks/audit/search", "{\"code\":\"" + fixture.principalId() + "\"}",
                "Authorization", CheckScenario.admin()).json();
        assertThat(byPerson.get("items")).hasSize(2);
        Http.Response badSize = http.postJson("/api/v1/checks/audit/search", "{\"size\":501}", "Authorization",
                CheckScenario.admin());
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
        JsonNode later = http.get("/api/v1/checks/audit?department=" + department + "&from=" + clock.instant().plusSeconds(60),
                "Authorization", CheckScenario.admin()).json();
        assertThat(later.get("items")).isEmpty();
        JsonNode inWindow = http.get("/api/v1/checks/audit?department=" + department + "&from=" + from + "&size=2",
                "Authorization", CheckScenario.admin()).json();
        assertThat(inWindow.get("items")).hasSize(2);
    }

    @Test
    void aPersonCheckedByPostGetsAReceiptThatVerifiesAndHoldsOnlyTheMaskedNumber() throws Exception {
        ViolationFixture fixture = aViolation();
        scenario.violation(fixture);
        JsonNode receipt = http.postJson("/api/v1/checks/single", "{\"code\":\"" + fixture.principalId() + "\"}",
                "Authorization", CheckScenario.xzspj()).json().get("receipt");
        String pem = http.getPublic("/api/v1/public/check-signing-key").json().get("publicKeyPem").asString();

        assertThat(receipt.get("signedText").asString()).contains("\nsubjectKey:P:", "\nstatus:PROPOSED\n")
                .doesNotContain(fixture.principalId());
        assertThat(verifies(pem, receipt.get("signedText").asString(), receipt.get("signature").asString())).isTrue();
        Http.Response stored = await().atMost(Duration.ofSeconds(10)).until(
                () -> http.get("/api/v1/checks/receipts/" + receipt.get("id").asString(), "Authorization", CheckScenario.xzspj()),
                r -> r.status() == 200);
        assertThat(stored.json().get("signedText").asString()).isEqualTo(receipt.get("signedText").asString());
    }
}
