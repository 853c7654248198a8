package cn.chongchuan.safetycredit.platform.token;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A test class may keep a token in a constant for longer than the token lives: it is sent freshly minted. */
class TestTokensTest {

    private final InternalTokens tokens = new InternalTokens(
            new InternalTokenProperties(TestTokens.SECRET, "safety-credit-gateway", Duration.ofSeconds(60)), Clock.systemUTC());

    @Test
    void aKeptBearerIsSentAsATokenOfTheSameIdentityMintedNow() {
        // Kept since two minutes ago, as a constant of a slow test class: expired by now.
        Instant twoMinutesAgo = Instant.now().minusSeconds(120);
        String kept = TestTokens.keptBearerAt(Clock.fixed(twoMinutesAgo, ZoneOffset.UTC), "AJJ", "ENFORCEMENT", "PARTNER");
        assertThatThrownBy(() -> tokens.decoder().decode(kept.substring(7))).isInstanceOf(JwtException.class);

        String sent = TestTokens.fresh(kept);

        assertThat(sent).startsWith("Bearer ").isNotEqualTo(kept);
        Jwt sentJwt = tokens.decoder().decode(sent.substring(7));
        assertThat(sentJwt.getIssuedAt()).isAfter(twoMinutesAgo);
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
