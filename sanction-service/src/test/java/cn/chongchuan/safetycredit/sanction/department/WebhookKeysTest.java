package cn.chongchuan.safetycredit.sanction.department;

import cn.chongchuan.safetycredit.devstack.StandardWebhooksVerifier;
import com.standardwebhooks.Webhook;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key forms and signatures of the Standard Webhooks specification, against published vectors. */
class WebhookKeysTest {

    /** The specification's libraries' signing vector (standard-webhooks, libraries' tests). */
    private static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long SPEC_TIMESTAMP = 1_614_265_330L;
    private static final String SPEC_PAYLOAD = "{\"test\": 2432232314}";
    private static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    /** RFC 8032, 7.1, TEST 1. */
    private static final byte[] RFC_SEED = HexFormat.of()
            .parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final byte[] RFC_PUBLIC = HexFormat.of()
            .parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    /** The PKCS#8 header of an Ed25519 private key: the 32-byte seed follows it. */
    private static final byte[] PKCS8_ED25519 = HexFormat.of().parseHex("302e020100300506032b657004220420");

    @Test
    void theSpecificationsTestVectorSignsAsPublishedAndVerifiesIndependently() {
        String signature = NoticeSigner.v1Signature(WebhookKeys.hmacKey(SPEC_SECRET), SPEC_ID, SPEC_TIMESTAMP,
                SPEC_PAYLOAD);

        assertThat(signature).isEqualTo(SPEC_SIGNATURE);
        Clock then = Clock.fixed(Instant.ofEpochSecond(SPEC_TIMESTAMP), ZoneOffset.UTC);
        assertThat(new StandardWebhooksVerifier(List.of(SPEC_SECRET), List.of(), then).verifies(SPEC_ID,
                Long.toString(SPEC_TIMESTAMP), signature, SPEC_PAYLOAD.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @Test
    void newSecretsAreInTheStandardFormThatStandardLibrariesRead() throws Exception {
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) 0xfb);   // encodes to '+' and '/' in standard base64, '-' and '_' in base64url

        String secret = WebhookKeys.secretOf(raw);

        assertThat(secret).matches("whsec_[A-Za-z0-9+/]{43}=").contains("+", "/");
        assertThat(WebhookKeys.hmacKey(secret)).isEqualTo(raw);
        // The library's own reading of a whsec_ string gives the same key, so the same signature.
        assertThat(new Webhook(secret).sign("n-1", 1_772_352_000L, "{}"))
                .isEqualTo(NoticeSigner.v1Signature(raw, "n-1", 1_772_352_000L, "{}"));
    }

    @Test
    void aSecretIssuedInTheEarlierBase64UrlFormHasTheSameKeyAsItsStandardForm() {
        byte[] raw = new byte[32];
        Arrays.fill(raw, (byte) 0xfb);
        String earlier = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        assertThat(earlier).contains("-", "_");

        assertThat(WebhookKeys.hmacKey(earlier)).isEqualTo(raw);
        assertThat(StandardWebhooksVerifier.standardSecret(earlier)).isEqualTo(WebhookKeys.secretOf(raw));
    }

    @Test
    void aSecretOutsideTheStandardLengthsOrFormIsRefused() {
        assertThatThrownBy(() -> WebhookKeys.hmacKey("whsec_" + Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24 to 64 bytes");
        assertThatThrownBy(() -> WebhookKeys.hmacKey("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEd25519SignatureIsTheRfc8032OneOverIdTimestampAndBody() {
        byte[] pkcs8 = new byte[PKCS8_ED25519.length + RFC_SEED.length];
        System.arraycopy(PKCS8_ED25519, 0, pkcs8, 0, PKCS8_ED25519.length);
        System.arraycopy(RFC_SEED, 0, pkcs8, PKCS8_ED25519.length, RFC_SEED.length);
        byte[] body = "{\"noticeId\":\"n-1\"}".getBytes(StandardCharsets.UTF_8);

        String signature = WebhookKeys.ed25519Signature(pkcs8, "n-1", 1_772_352_000L, body);

        // Ed25519 is deterministic: Bouncy Castle, from the same seed, makes the very same bytes.
        Ed25519Signer bc = new Ed25519Signer();
        Ed25519PrivateKeyParameters privateKey = new Ed25519PrivateKeyParameters(RFC_SEED, 0);
        assertThat(privateKey.generatePublicKey().getEncoded()).isEqualTo(RFC_PUBLIC);
        bc.init(true, privateKey);
        byte[] signed = "n-1.1772352000.{\"noticeId\":\"n-1\"}".getBytes(StandardCharsets.UTF_8);
        bc.update(signed, 0, signed.length);
        assertThat(signature).isEqualTo("v1a," + Base64.getEncoder().encodeToString(bc.generateSignature()));
        String publicKey = WebhookKeys.publicKeyOf(RFC_PUBLIC);
        assertThat(publicKey).isEqualTo("whpk_11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
        Clock then = Clock.fixed(Instant.ofEpochSecond(1_772_352_000L), ZoneOffset.UTC);
        assertThat(new StandardWebhooksVerifier(List.of(), List.of(publicKey), then)
                .verifies("n-1", "1772352000", signature, body)).isTrue();
    }

    @Test
    void theRawPublicKeyOfAGeneratedPairIsTheOneItsPrivateKeyDerives() {
        KeyPair pair = WebhookKeys.newEd25519KeyPair();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);

        assertThat(WebhookKeys.rawPublicKey(pair)).hasSize(32)
                .isEqualTo(new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded());
    }
}
