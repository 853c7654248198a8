package cn.chongchuan.safetycredit.devstack;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.util.Arrays;
import org.bouncycastle.util.encoders.Base64;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A partner department's check of a Standard Webhooks notice, written from the specification with
 * Bouncy Castle (HMAC-SHA256 for {@code v1}, Ed25519 for {@code v1a}): independent of the sender's
 * implementation (the standardwebhooks library and the JDK's Ed25519), so that the stubs and the
 * tests would catch a sender that signs the wrong bytes or with the wrong key.
 *
 * <p>With secrets, a notice verifies when any {@code v1} signature matches any trusted secret; with
 * public keys, when any {@code v1a} signature matches one of them; with both, both must hold
 * (stricter than a partner needs: it proves both schemes on every notice). The timestamp must be
 * within the tolerance of the clock; an id seen before is a duplicate.
 */
public final class StandardWebhooksVerifier {

    public enum Verdict { ACCEPT, DUPLICATE, REJECT }

    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final List<byte[]> secrets;
    private final List<byte[]> publicKeys;
    private final Clock clock;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /**
     * @param secrets    {@code whsec_<base64>} secrets, the newest first while rotating (a secret issued
     *                   in the earlier base64url form is read after {@link #standardSecret})
     * @param publicKeys {@code whpk_<base64>} Ed25519 public keys (none: {@code v1} alone)
     */
    public StandardWebhooksVerifier(List<String> secrets, List<String> publicKeys, Clock clock) {
        this.secrets = secrets.stream().map(s -> decode(standardSecret(s), "whsec_")).toList();
        this.publicKeys = publicKeys.stream().map(k -> decode(k, "whpk_")).toList();
        this.clock = clock;
    }

    /**
     * A secret in the standard form: one issued before (whsec_ + base64url without padding) is the
     * same bytes in the URL-safe alphabet, turned into standard base64 with padding.
     */
    public static String standardSecret(String secret) {
        String encoded = secret.substring("whsec_".length()).replace('-', '+').replace('_', '/');
        return "whsec_" + encoded + "=".repeat((4 - encoded.length() % 4) % 4);
    }

    /** Checks one request: its three {@code webhook-*} headers and raw body bytes. */
    public Verdict check(String id, String timestamp, String signatureHeader, byte[] body) {
        if (!verifies(id, timestamp, signatureHeader, body)) {
            return Verdict.REJECT;
        }
        return seen.add(id) ? Verdict.ACCEPT : Verdict.DUPLICATE;
    }

    /** Whether the signatures and the timestamp verify (no duplicate check). */
    public boolean verifies(String id, String timestamp, String signatureHeader, byte[] body) {
        if (id == null || timestamp == null || signatureHeader == null || !timestamp.matches("\\d{1,12}")
                || (secrets.isEmpty() && publicKeys.isEmpty())) {
            return false;
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(sent, clock.instant()).abs().compareTo(TOLERANCE) > 0) {
            return false;
        }
        byte[] signed = concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        List<byte[]> v1 = new ArrayList<>();
        List<byte[]> v1a = new ArrayList<>();
        for (String part : signatureHeader.trim().split(" +")) {
            int comma = part.indexOf(',');
            if (comma < 0) {
                continue;
            }
            byte[] value;
            try {
                value = Base64.decode(part.substring(comma + 1));
            } catch (RuntimeException notBase64) {
                continue;
            }
            switch (part.substring(0, comma)) {
                case "v1" -> v1.add(value);
                case "v1a" -> v1a.add(value);
                default -> { }
            }
        }
        boolean hmac = secrets.isEmpty();
        for (byte[] secret : secrets) {
            byte[] expected = hmacSha256(secret, signed);
            for (byte[] candidate : v1) {
                hmac |= Arrays.constantTimeAreEqual(expected, candidate);
            }
        }
        if (!hmac) {
            return false;
        }
        if (publicKeys.isEmpty()) {
            return true;
        }
        for (byte[] publicKey : publicKeys) {
            for (byte[] candidate : v1a) {
                if (ed25519Verifies(publicKey, signed, candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] hmacSha256(byte[] key, byte[] message) {
        HMac mac = new HMac(new SHA256Digest());
        mac.init(new KeyParameter(key));
        mac.update(message, 0, message.length);
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return out;
    }

    private static boolean ed25519Verifies(byte[] publicKey, byte[] message, byte[] signature) {
        if (signature.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    private static byte[] decode(String value, String prefix) {
        if (!value.startsWith(prefix)) {
            throw new IllegalArgumentException("expected " + prefix + "…");
        }
        return Base64.decode(value.substring(prefix.length()));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
