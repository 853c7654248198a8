package cn.chongchuan.safetycredit.platform.web;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.InternalTokenProperties;
import cn.chongchuan.safetycredit.platform.token.InternalTokens;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A service in the middle of a key rotation (docs/operations.md, "Rotating keys"): its key is the
 * new one and the old one is a previous secret, while the gateway may still sign with the old one.
 */
@SpringBootTest(classes = PlatformTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"security.internal-token.secret=" + TestTokens.NEXT_SECRET,
                "security.internal-token.previous-secrets=" + TestTokens.SECRET, "management.server.port=0"})
class InternalTokenRotationTest {

    private static final String UNKNOWN_SECRET = "cm90YXRpb24tdGVzdC11bmtub3duLWludGVybmFsLWszMg==";

    @LocalServerPort
    int port;

    @Autowired
    InternalTokens tokens;

    @Test
    void theGatewaysTokensSignedWithTheOldKeyAreAccepted() {
        Http.Response response = Http.local(port).get("/api/v1/me", "Authorization", TestTokens.bearer("XZSPJ", "APPROVAL"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("department").asString()).isEqualTo("XZSPJ");
        assertThat(Http.local(port).get("/api/v1/public/ping", "Authorization", TestTokens.publicBearer()).body())
                .isEqualTo("pong");
    }

    @Test
    void tokensSignedWithTheNewKeyAreAccepted() {
        Http.Response response = Http.local(port).get("/api/v1/admin-only",
                "Authorization", "Bearer " + tokens.issue("AWB", List.of("ADMIN")));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void whatTheServiceMintsIsSignedWithTheNewKeyOnly() {
        String minted = tokens.issue("AJJ", List.of("SERVICE"));

        assertThat(decoderWith(TestTokens.NEXT_SECRET).decode(minted).getSubject()).isEqualTo("AJJ");
        assertThatThrownBy(() -> decoderWith(TestTokens.SECRET).decode(minted)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenSignedWithAnyOtherKeyGets401Problem() {
        String unknown = new InternalTokens(new InternalTokenProperties(UNKNOWN_SECRET, "safety-credit-gateway",
                Duration.ofSeconds(60)), Clock.systemUTC()).issue("AWB", List.of("ADMIN"));

        Http.Response response = Http.local(port).get("/api/v1/admin-only", "Authorization", "Bearer " + unknown);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/unauthenticated");
    }

    private static JwtDecoder decoderWith(String secret) {
        return new InternalTokens(new InternalTokenProperties(secret, "safety-credit-gateway", Duration.ofSeconds(60)),
                Clock.systemUTC()).decoder();
    }
}
