package cn.chongchuan.safetycredit.platform.token;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Mints internal tokens for tests, signed with the key that tests configure on the services. */
public final class TestTokens {

    /** The internal signing key used by every test (base64 of 32 bytes); never used outside tests. */
    public static final String SECRET = "dGVzdC1vbmx5LWludGVybmFsLXRva2VuLWtleS0zMmI=";

    private static final InternalTokens TOKENS = new InternalTokens(
            new InternalTokenProperties(SECRET, "safety-credit-gateway", Duration.ofSeconds(60)), Clock.systemUTC());

    private TestTokens() {
    }

    /** A valid token for this department and roles. */
    public static String token(String department, String... roles) {
        return TOKENS.issue(department, List.of(roles));
    }

    /** The value of an {@code Authorization} header carrying a valid token. */
    public static String bearer(String department, String... roles) {
        return "Bearer " + token(department, roles);
    }

    /** The {@code Authorization} value the gateway sends on a public route: its anonymous token. */
    public static String publicBearer() {
        return "Bearer " + TOKENS.issuePublic();
    }

    /** A token minted with this clock, e.g. one that is already expired. */
    public static String tokenAt(Clock clock, String department, String... roles) {
        return new InternalTokens(new InternalTokenProperties(SECRET, "safety-credit-gateway", Duration.ofSeconds(60)), clock)
                .issue(department, List.of(roles));
    }
}
