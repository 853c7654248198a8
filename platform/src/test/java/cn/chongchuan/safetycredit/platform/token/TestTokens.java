package cn.chongchuan.safetycredit.platform.token;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mints internal tokens for tests, signed with the key that tests configure on the services.
 *
 * <p>A test keeps the header value of {@link #bearer} in a constant for the whole class, but a
 * token lives 60 s, as the gateway's do: {@link #fresh} gives a token of the same department and
 * roles minted now, which the test HTTP client sends instead, so no test depends on the order or
 * speed of the classes before it. Tokens minted with {@link #tokenAt} (deliberately expired or
 * early) are sent as they are.
 */
public final class TestTokens {

    /** The internal signing key used by every test (base64 of 32 bytes); never used outside tests. */
    public static final String SECRET = "dGVzdC1vbmx5LWludGVybmFsLXRva2VuLWtleS0zMmI=";

    /** The key that replaces {@link #SECRET} in the key-rotation tests (base64 of 33 bytes). */
    public static final String NEXT_SECRET = "cm90YXRpb24tdGVzdC1uZXctaW50ZXJuYWwta2V5LTMy";

    private static final InternalTokens TOKENS = new InternalTokens(
            new InternalTokenProperties(SECRET, "safety-credit-gateway", Duration.ofSeconds(60)), Clock.systemUTC());

    private TestTokens() {
    }

    /** The identity behind each token {@link #token} minted, so that {@link #fresh} can mint it again. */
    private static final Map<String, Identity> ISSUED = new ConcurrentHashMap<>();

    private record Identity(String department, List<String> roles) {
    }

    /** A valid token for this department and roles. */
    public static String token(String department, String... roles) {
        return kept(TOKENS, department, roles);
    }

    /** A bearer minted with this clock and kept like {@link #bearer}'s: {@link #fresh} mints it again. */
    static String keptBearerAt(Clock clock, String department, String... roles) {
        return "Bearer " + kept(new InternalTokens(new InternalTokenProperties(SECRET, "safety-credit-gateway",
                Duration.ofSeconds(60)), clock), department, roles);
    }

    private static String kept(InternalTokens tokens, String department, String... roles) {
        String token = tokens.issue(department, List.of(roles));
        ISSUED.put(token, new Identity(department, List.of(roles)));
        return token;
    }

    /**
     * The {@code Authorization} value to send now: a bearer token {@link #token} minted is minted
     * again (same department and roles, valid from now); anything else is returned unchanged.
     */
    public static String fresh(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return authorization;
        }
        Identity identity = ISSUED.get(authorization.substring("Bearer ".length()));
        return identity == null ? authorization : "Bearer " + TOKENS.issue(identity.department(), identity.roles());
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
