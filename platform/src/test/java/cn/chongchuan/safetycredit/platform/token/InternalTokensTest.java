package cn.chongchuan.safetycredit.platform.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalTokensTest {

    private final InternalTokenProperties properties =
            new InternalTokenProperties(TestTokens.SECRET, "safety-credit-gateway", Duration.ofSeconds(60));
    private final JwtDecoder decoder = new InternalTokens(properties, Clock.systemUTC()).decoder();

    @Test
    void anIssuedTokenCarriesDepartmentAndRoles() {
        Jwt jwt = decoder.decode(TestTokens.token("XZSPJ", "APPROVAL"));

        assertThat(jwt.getClaimAsString(InternalTokens.DEPARTMENT_CLAIM)).isEqualTo("XZSPJ");
        assertThat(jwt.getClaimAsStringList(InternalTokens.ROLES_CLAIM)).containsExactly("APPROVAL");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void anExpiredTokenIsRejected() {
        Clock twoMinutesAgo = Clock.fixed(Instant.now().minusSeconds(120), ZoneOffset.UTC);
        String expired = TestTokens.tokenAt(twoMinutesAgo, "XZSPJ", "APPROVAL");

        assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() {
        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        String forged = new InternalTokens(new InternalTokenProperties(otherKey, "safety-credit-gateway",
                Duration.ofSeconds(60)), Clock.systemUTC()).issue("XZSPJ", List.of("ADMIN"));

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void aLongLivedTokenIsRejectedEvenWithTheRightKey() throws Exception {
        Instant now = Instant.now();
        String longLived = sign(new JWTClaimsSet.Builder()
                .issuer("safety-credit-gateway").audience(InternalTokens.AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim(InternalTokens.DEPARTMENT_CLAIM, "XZSPJ").claim(InternalTokens.ROLES_CLAIM, List.of("ADMIN"))
                .build());

        assertThatThrownBy(() -> decoder.decode(longLived)).isInstanceOf(JwtException.class)
                .hasMessageContaining("lifetime");
    }

    @Test
    void aTokenWithoutDepartmentIsRejected() throws Exception {
        Instant now = Instant.now();
        String anonymous = sign(new JWTClaimsSet.Builder()
                .issuer("safety-credit-gateway").audience(InternalTokens.AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(30)))
                .claim(InternalTokens.ROLES_CLAIM, List.of("ADMIN"))
                .build());

        assertThatThrownBy(() -> decoder.decode(anonymous)).isInstanceOf(JwtException.class)
                .hasMessageContaining("department");
    }

    @Test
    void aShortOrMissingKeyRefusesToConfigure() {
        assertThatThrownBy(() -> new InternalTokenProperties(null, "i", Duration.ofSeconds(60)))
                .hasMessageContaining("SECURITY_INTERNAL_TOKEN_SECRET");
        assertThatThrownBy(() -> new InternalTokenProperties(Base64.getEncoder().encodeToString(new byte[16]), "i",
                Duration.ofSeconds(60))).hasMessageContaining("at least 32 bytes");
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(properties.keyBytes()));
        return jwt.serialize();
    }
}
