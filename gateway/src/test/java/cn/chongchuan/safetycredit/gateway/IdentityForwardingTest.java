package cn.chongchuan.safetycredit.gateway;

import cn.chongchuan.safetycredit.platform.token.InternalTokenProperties;
import cn.chongchuan.safetycredit.platform.token.InternalTokens;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityForwardingTest extends GatewayTest {

    private static final InternalTokens SERVICE_SIDE = new InternalTokens(
            new InternalTokenProperties(TestTokens.SECRET, "safety-credit-gateway", Duration.ofSeconds(60)), Clock.systemUTC());

    @Test
    void aValidKeyReachesTheServiceAsASignedTokenWithTheDepartmentAndItsRoles() {
        HttpResponse<String> response = getWithKey("/api/v1/checks/91310110666007217T", APPROVAL_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        Jwt token = forwardedToken(Backends.creditReceived().getFirst());
        assertThat(token.getClaimAsString("dept")).isEqualTo("XZSPJ");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("APPROVAL", "PARTNER");
        assertThat(Duration.between(token.getIssuedAt(), token.getExpiresAt())).isLessThanOrEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theKeyMayComeInTheXApiKeyHeader() {
        HttpResponse<String> response = send(request("/api/v1/notices/1").header("X-Api-Key", PARTNER_KEY));

        assertThat(response.statusCode()).isEqualTo(200);
        LoggedRequest received = Backends.received(Backends.SANCTION).getFirst();
        Jwt token = forwardedToken(received);
        assertThat(token.getClaimAsString("dept")).isEqualTo("ZJJ");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("ENFORCEMENT", "PARTNER");
        assertThat(received.containsHeader("X-Api-Key")).isFalse();
    }

    @Test
    void eachKeyCarriesItsOwnDepartment() {
        assertThat(getWithKey("/api/v1/listings/1", ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(getWithKey("/api/v1/listings/1", ENFORCEMENT_KEY).statusCode()).isEqualTo(200);

        assertThat(Backends.creditReceived()).extracting(r -> forwardedToken(r).getClaimAsString("dept"))
                .containsExactlyInAnyOrder("AWB", "AJJ");
    }

    @Test
    void aRequestWithoutKeyIsRefusedAndNeverReachesAService() {
        var body = assertProblem(get("/api/v1/checks/91310110666007217T"), 401, "unauthenticated");

        assertThat(body.path("detail").asString()).contains("API key");
        assertThat(Backends.allReceived()).isEmpty();
    }

    @Test
    void aWrongKeyIsRefusedAndNeverReachesAService() {
        assertProblem(getWithKey("/api/v1/notices", "not-a-key"), 401, "unauthenticated");
        assertProblem(send(request("/api/v1/notices").header("X-Api-Key", APPROVAL_KEY + "x")), 401, "unauthenticated");
        // The hash itself is not a key.
        assertProblem(getWithKey("/api/v1/notices", "e5c0cf432d5cc99cc41551c124a2a3a4ccefe2610d640f4c29fec5fc127e7bee"),
                401, "unauthenticated");

        assertThat(Backends.allReceived()).isEmpty();
    }

    @Test
    void aBearerTokenFromTheClientIsNotAcceptedInPlaceOfAKey() {
        HttpResponse<String> response = send(request("/api/v1/listings/1")
                .header("Authorization", TestTokens.bearer("AWB", "ADMIN")));

        assertProblem(response, 401, "unauthenticated");
        assertThat(Backends.allReceived()).isEmpty();
    }

    @Test
    void identityHeadersSentByTheClientNeverReachTheServices() {
        send(request("/api/v1/listings/1")
                .header("Authorization", "ApiKey " + PARTNER_KEY)
                .header("X-Department", "AWB")
                .header("X-Roles", "ADMIN")
                .header("X-Forwarded-User", "admin")
                .header("X-Remote-User", "admin")
                .header("X-Internal-Token", "forged"));
        send(request("/api/v1/public/listings")
                .header("Authorization", TestTokens.bearer("AWB", "ADMIN"))
                .header("X-Department", "AWB")
                .header("X-Roles", "ADMIN"));

        assertThat(Backends.creditReceived()).hasSize(2).allSatisfy(received -> {
            assertThat(received.containsHeader("X-Department")).isFalse();
            assertThat(received.containsHeader("X-Roles")).isFalse();
            assertThat(received.containsHeader("X-Forwarded-User")).isFalse();
            assertThat(received.containsHeader("X-Remote-User")).isFalse();
            assertThat(received.containsHeader("X-Internal-Token")).isFalse();
        });
        LoggedRequest keyed = Backends.creditReceived().stream().filter(r -> r.getUrl().equals("/api/v1/listings/1"))
                .findFirst().orElseThrow();
        assertThat(forwardedToken(keyed).getClaimAsString("dept")).isEqualTo("ZJJ");
        assertThat(keyed.getHeaders().getHeader("Authorization").values()).hasSize(1);
        LoggedRequest anonymous = Backends.creditReceived().stream().filter(r -> r.getUrl().equals("/api/v1/public/listings"))
                .findFirst().orElseThrow();
        assertThat(anonymous.getHeaders().getHeader("Authorization").values()).hasSize(1);
        assertThat(forwardedToken(anonymous).getClaimAsStringList("roles")).containsExactly("PUBLIC");
    }

    @Test
    void publicRoutesNeedNoKeyAndCarryTheGatewaysAnonymousToken() {
        HttpResponse<String> response = get("/api/v1/public/listings?q=%E5%8D%97%E9%80%9A");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("credit");
        Jwt anonymous = forwardedToken(Backends.creditReceived().getFirst());
        assertThat(anonymous.getClaimAsString("dept")).isEqualTo("PUBLIC");
        assertThat(anonymous.getClaimAsStringList("roles")).containsExactly("PUBLIC");
    }

    private static Jwt forwardedToken(LoggedRequest received) {
        String authorization = received.getHeader("Authorization");
        assertThat(authorization).startsWith("Bearer ");
        return SERVICE_SIDE.decoder().decode(authorization.substring("Bearer ".length()));
    }
}
