package cn.chongchuan.safetycredit.platform.token;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.nio.charset.StandardCharsets;
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

    private static final String UNKNOWN_SECRET = "cm90YXRpb24tdGVzdC11bmtub3duLWludGVybmFsLWszMg==";

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

    @Test
    void aTokenSignedWithAPreviousKeyIsAccepted() {
        String oldSigned = TestTokens.token("XZSPJ", "APPROVAL");

        Jwt jwt = new InternalTokens(rotated(), Clock.systemUTC()).decoder().decode(oldSigned);

        assertThat(jwt.getClaimAsString(InternalTokens.DEPARTMENT_CLAIM)).isEqualTo("XZSPJ");
    }

    @Test
    void aTokenSignedWithAKeyNeitherCurrentNorPreviousIsRejected() {
        String unknown = new InternalTokens(new InternalTokenProperties(UNKNOWN_SECRET, "safety-credit-gateway",
                Duration.ofSeconds(60)), Clock.systemUTC()).issue("XZSPJ", List.of("ADMIN"));

        assertThatThrownBy(() -> new InternalTokens(rotated(), Clock.systemUTC()).decoder().decode(unknown))
                .isInstanceOf(JwtException.class).hasMessageContaining("Invalid signature");
    }

    @Test
    void tokensAreSignedWithTheCurrentKeyOnly() {
        String minted = new InternalTokens(rotated(), Clock.systemUTC()).issue("AJJ", List.of("SERVICE"));

        JwtDecoder currentOnly = new InternalTokens(new InternalTokenProperties(TestTokens.NEXT_SECRET,
                "safety-credit-gateway", Duration.ofSeconds(60)), Clock.systemUTC()).decoder();
        assertThat(currentOnly.decode(minted).getClaimAsString(InternalTokens.DEPARTMENT_CLAIM)).isEqualTo("AJJ");
        assertThatThrownBy(() -> decoder.decode(minted)).isInstanceOf(JwtException.class);
    }

    @Test
    void aPreviousKeyIsCheckedLikeTheCurrentOne() throws Exception {
        Instant now = Instant.now();
        String longLived = sign(new JWTClaimsSet.Builder()
                .issuer("safety-credit-gateway").audience(InternalTokens.AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim(InternalTokens.DEPARTMENT_CLAIM, "XZSPJ").claim(InternalTokens.ROLES_CLAIM, List.of("ADMIN"))
                .build());
        String otherIssuer = new InternalTokens(new InternalTokenProperties(TestTokens.SECRET, "someone-else",
                Duration.ofSeconds(60)), Clock.systemUTC()).issue("XZSPJ", List.of("ADMIN"));
        String expired = TestTokens.tokenAt(Clock.fixed(now.minusSeconds(120), ZoneOffset.UTC), "XZSPJ", "ADMIN");
        JwtDecoder rotatedDecoder = new InternalTokens(rotated(), Clock.systemUTC()).decoder();

        assertThatThrownBy(() -> rotatedDecoder.decode(longLived)).hasMessageContaining("lifetime");
        assertThatThrownBy(() -> rotatedDecoder.decode(otherIssuer)).hasMessageContaining("iss");
        assertThatThrownBy(() -> rotatedDecoder.decode(expired)).hasMessageContaining("expired");
    }

    @Test
    void noOtherAlgorithmThanHs256IsAcceptedWithAnyKey() throws Exception {
        String longKey = Base64.getEncoder().encodeToString("x".repeat(64).getBytes(StandardCharsets.US_ASCII));
        JwtDecoder withLongPreviousKey = new InternalTokens(new InternalTokenProperties(TestTokens.NEXT_SECRET,
                "safety-credit-gateway", Duration.ofSeconds(60), List.of(longKey)), Clock.systemUTC()).decoder();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("safety-credit-gateway").audience(InternalTokens.AUDIENCE)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(30)))
                .claim(InternalTokens.DEPARTMENT_CLAIM, "XZSPJ").claim(InternalTokens.ROLES_CLAIM, List.of("ADMIN"))
                .build();
        SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims);
        hs512.sign(new MACSigner(Base64.getDecoder().decode(longKey)));
        String unsigned = new PlainJWT(claims).serialize();

        assertThatThrownBy(() -> withLongPreviousKey.decode(hs512.serialize())).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> withLongPreviousKey.decode(unsigned)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> decoder.decode(unsigned)).isInstanceOf(JwtException.class);
    }

    @Test
    void aPreviousKeyThatIsShortOrNotBase64RefusesToConfigure() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> new InternalTokenProperties(TestTokens.NEXT_SECRET, "i", Duration.ofSeconds(60),
                List.of(TestTokens.SECRET, shortKey)))
                .hasMessage("security.internal-token.previous-secrets[1] must decode to at least 32 bytes, not 16");
        assertThatThrownBy(() -> new InternalTokenProperties(TestTokens.NEXT_SECRET, "i", Duration.ofSeconds(60),
                List.of("not base64!")))
                .hasMessage("security.internal-token.previous-secrets[0] is not valid base64");
    }

    @Test
    void blankPreviousKeysAreIgnored() {
        assertThat(new InternalTokenProperties(TestTokens.NEXT_SECRET, "i", Duration.ofSeconds(60), List.of(" ", ""))
                .previousSecrets()).isEmpty();
        assertThat(new InternalTokenProperties(TestTokens.NEXT_SECRET, "i", Duration.ofSeconds(60), null)
                .previousSecrets()).isEmpty();
    }

    /** Mid-rotation: the new key signs, the test key (the old one) is still accepted. */
    private static InternalTokenProperties rotated() {
        return new InternalTokenProperties(TestTokens.NEXT_SECRET, "safety-credit-gateway", Duration.ofSeconds(60),
                List.of(TestTokens.SECRET));
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(properties.keyBytes()));
        return jwt.serialize();
    }
}
