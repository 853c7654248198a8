package cn.chongchuan.safetycredit.sanction.testing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partner-side check of the legacy {@code X-Notice-*} headers, exactly as docs/sanction-service.md
 * described it before Standard Webhooks (JDK only): what departments not yet switched still run.
 */
public final class LegacyNoticeVerifier {

    public enum Verdict { ACCEPT, DUPLICATE, REJECT }

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final List<byte[]> secrets;    // the current secret, plus the previous one while rotating
    private final Clock clock;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();   // keep these in your database

    public LegacyNoticeVerifier(List<String> secrets, Clock clock) {
        this.secrets = secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        this.clock = clock;
    }

    /** Call with the three headers and the raw body bytes, before parsing the body. */
    public Verdict check(String id, String timestamp, String signatureHeader, byte[] body) throws Exception {
        if (id == null || timestamp == null || signatureHeader == null || !timestamp.matches("\\d{1,12}")) {
            return Verdict.REJECT;
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(sent, clock.instant()).abs().compareTo(TOLERANCE) > 0) {
            return Verdict.REJECT;                        // too old, or from the future: a replay
        }
        boolean valid = false;
        for (byte[] secret : secrets) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = ("v1=" + Base64.getEncoder().encodeToString(mac.doFinal(body)))
                    .getBytes(StandardCharsets.US_ASCII);
            for (String candidate : signatureHeader.trim().split(" +")) {
                valid |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (!valid) {
            return Verdict.REJECT;                        // answer 401: not from the credit office
        }
        return seen.add(id) ? Verdict.ACCEPT : Verdict.DUPLICATE;   // DUPLICATE: answer 200, do nothing
    }
}
