package cn.chongchuan.safetycredit.sanction.delivery.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The notice signature: {@code v1=<base64 HMAC-SHA256(secret, id + "." + timestamp + "." + body)>},
 * one per active secret, space-separated, so a department verifies with whichever secret it holds.
 */
public final class NoticeSignature {

    public static final String VERSION = "v1=";

    private NoticeSignature() {
    }

    public static String sign(byte[] secret, String noticeId, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((noticeId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** The header value for all active secrets, newest first. */
    public static String header(List<byte[]> secrets, String noticeId, long timestamp, byte[] body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a notice needs at least one signing secret");
        }
        return secrets.stream().map(s -> sign(s, noticeId, timestamp, body)).collect(Collectors.joining(" "));
    }

    /** Whether any signature in the header was made with this secret (constant-time comparison). */
    public static boolean verify(String header, byte[] secret, String noticeId, long timestamp, byte[] body) {
        byte[] expected = sign(secret, noticeId, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String candidate : header.trim().split("\\s+")) {
            match |= MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }
}
