package cn.chongchuan.safetycredit.platform.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Mints and verifies the short-lived HS256 tokens that carry a caller's department and roles from
 * the gateway to the services.
 */
public final class InternalTokens {

    /** Claim holding the department code of the caller. */
    public static final String DEPARTMENT_CLAIM = "dept";
    /** Claim holding the caller's roles (APPROVAL, ENFORCEMENT, PARTNER, ADMIN, SERVICE). */
    public static final String ROLES_CLAIM = "roles";
    /** Audience of every internal token: the services behind the gateway. */
    public static final String AUDIENCE = "safety-credit-services";
    /**
     * The department and the only role of the token the gateway mints for a caller without a key on
     * a public route: the services answer nothing but health probes to a request without a token.
     */
    public static final String PUBLIC = "PUBLIC";

    private static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private final InternalTokenProperties properties;
    private final Clock clock;

    public InternalTokens(InternalTokenProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** The token of an anonymous caller on a public route: department and only role {@link #PUBLIC}. */
    public String issuePublic() {
        return issue(PUBLIC, List.of(PUBLIC));
    }

    /** A signed token for this department and roles, valid for the configured lifetime. */
    public String issue(String department, Collection<String> roles) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(AUDIENCE)
                .subject(department)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.ttl())))
                .claim(DEPARTMENT_CLAIM, department)
                .claim(ROLES_CLAIM, List.copyOf(roles))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(properties.keyBytes()));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign internal token", e);
        }
        return jwt.serialize();
    }

    /**
     * A decoder that accepts only tokens this platform issued: HS256, signed with the current key or
     * one of the previous keys, right issuer and audience, short-lived.
     */
    public JwtDecoder decoder() {
        // Tokens carry no key id: Nimbus tries each HS256 key of the set in order, current key first.
        List<JWK> keys = new ArrayList<>();
        keys.add(new OctetSequenceKey.Builder(properties.keyBytes()).build());
        properties.previousKeyBytes().forEach(key -> keys.add(new OctetSequenceKey.Builder(key).build()));
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.HS256,
                new ImmutableJWKSet<>(new JWKSet(keys))));
        // The claims are checked by the validators below, with this clock, not by Nimbus.
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        JwtTimestampValidator timestamps = new JwtTimestampValidator(CLOCK_SKEW);
        timestamps.setClock(clock);
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                timestamps,
                new JwtIssuerValidator(properties.issuer()),
                InternalTokens::validateShape)));
        return decoder;
    }

    private static OAuth2TokenValidatorResult validateShape(Jwt jwt) {
        Instant issuedAt = jwt.getIssuedAt();
        Instant expiresAt = jwt.getExpiresAt();
        if (issuedAt == null || expiresAt == null) {
            return invalid("token must carry iat and exp");
        }
        if (Duration.between(issuedAt, expiresAt).compareTo(InternalTokenProperties.MAX_TTL) > 0) {
            return invalid("token lifetime exceeds " + InternalTokenProperties.MAX_TTL.toSeconds() + " s");
        }
        if (jwt.getAudience() == null || !jwt.getAudience().contains(AUDIENCE)) {
            return invalid("token is not meant for the services");
        }
        String department = jwt.getClaimAsString(DEPARTMENT_CLAIM);
        if (department == null || department.isBlank()) {
            return invalid("token names no department");
        }
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        if (roles == null || roles.isEmpty()) {
            return invalid("token carries no roles");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult invalid(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
