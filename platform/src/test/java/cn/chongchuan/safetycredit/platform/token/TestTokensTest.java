package cn.chongchuan.safetycredit.platform.token;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** A test class may keep a token in a constant for longer than the token lives: it is sent freshly minted. */
class TestTokensTest {

    private final InternalTokens tokens = new InternalTokens(
            new InternalTokenProperties(TestTokens.SECRET, "safety-credit-gateway", Duration.ofSeconds(60)), Clock.systemUTC());

    @Test
    void aKeptBearerIsSentAsATokenOfTheSameIdentityMintedNow() throws InterruptedException {
        String kept = TestTokens.bearer("AJJ", "ENFORCEMENT", "PARTNER");
        Thread.sleep(1100); // iat has a resolution of one second

        String sent = TestTokens.fresh(kept);

        assertThat(sent).startsWith("Bearer ").isNotEqualTo(kept);
        Jwt keptJwt = tokens.decoder().decode(kept.substring(7));
        Jwt sentJwt = tokens.decoder().decode(sent.substring(7));
        assertThat(sentJwt.getIssuedAt()).isAfter(keptJwt.getIssuedAt());
        assertThat(sentJwt.getClaimAsString(InternalTokens.DEPARTMENT_CLAIM)).isEqualTo("AJJ");
        assertThat(sentJwt.getClaimAsStringList(InternalTokens.ROLES_CLAIM)).containsExactly("ENFORCEMENT", "PARTNER");
    }

    @Test
    void aDeliberatelyExpiredTokenAndOtherValuesAreSentAsTheyAre() {
        String expired = "Bearer " + TestTokens.tokenAt(Clock.fixed(Instant.now().minusSeconds(600), ZoneOffset.UTC),
                "AJJ", "ENFORCEMENT");

        assertThat(TestTokens.fresh(expired)).isEqualTo(expired);
        assertThat(TestTokens.fresh("Bearer not-a-token")).isEqualTo("Bearer not-a-token");
        assertThat(TestTokens.fresh("Basic abc")).isEqualTo("Basic abc");
    }
}
