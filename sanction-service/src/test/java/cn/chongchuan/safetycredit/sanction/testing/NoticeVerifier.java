package cn.chongchuan.safetycredit.sanction.testing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Checks Standard Webhooks notices from the credit office's sanction-service (JDK 15+ only). */
public final class NoticeVerifier {

    public enum Verdict { ACCEPT, DUPLICATE, REJECT }

    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    /** The DER header of an X.509 Ed25519 public key: the 32 bytes of a whpk_ key follow it. */
    private static final byte[] ED25519_X509 = HexFormat.of().parseHex("302a300506032b6570032100");

    private final List<byte[]> secrets = new ArrayList<>();      // whsec_: current, plus previous while rotating
    private final List<PublicKey> publicKeys = new ArrayList<>(); // whpk_: if you verify v1a
    private final Clock clock;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();   // keep these in your database

    public NoticeVerifier(List<String> secrets, List<String> publicKeys, Clock clock) throws GeneralSecurityException {
        for (String secret : secrets) {
            this.secrets.add(Base64.getDecoder().decode(secret.substring("whsec_".length())));
        }
        for (String publicKey : publicKeys) {
            byte[] raw = Base64.getDecoder().decode(publicKey.substring("whpk_".length()));
            byte[] x509 = new byte[ED25519_X509.length + raw.length];
            System.arraycopy(ED25519_X509, 0, x509, 0, ED25519_X509.length);
            System.arraycopy(raw, 0, x509, ED25519_X509.length, raw.length);
            this.publicKeys.add(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
        }
        this.clock = clock;
    }

    /** Call with the three webhook-* headers and the raw body bytes, before parsing the body. */
    public Verdict check(String id, String timestamp, String signatureHeader, byte[] body)
            throws GeneralSecurityException {
        if (id == null || timestamp == null || signatureHeader == null || !timestamp.matches("\\d{1,12}")) {
            return Verdict.REJECT;
        }
        Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
        if (Duration.between(sent, clock.instant()).abs().compareTo(TOLERANCE) > 0) {
            return Verdict.REJECT;                        // too old, or from the future: a replay
        }
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        boolean valid = false;
        for (String entry : signatureHeader.trim().split(" +")) {
            String[] parts = entry.split(",", 2);         // "v1,<base64>" or "v1a,<base64>"
            byte[] candidate;
            try {
                candidate = Base64.getDecoder().decode(parts.length == 2 ? parts[1] : "");
            } catch (IllegalArgumentException notBase64) {
                continue;
            }
            if (parts[0].equals("v1")) {
                for (byte[] secret : secrets) {
                    Mac mac = Mac.getInstance("HmacSHA256");
                    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                    mac.update(prefix);
                    valid |= MessageDigest.isEqual(mac.doFinal(body), candidate);
                }
            } else if (parts[0].equals("v1a")) {
                for (PublicKey key : publicKeys) {
                    Signature ed25519 = Signature.getInstance("Ed25519");
                    ed25519.initVerify(key);
                    ed25519.update(prefix);
                    ed25519.update(body);
                    try {
                        valid |= ed25519.verify(candidate);
                    } catch (java.security.SignatureException malformed) {
                        // not a signature of this key
                    }
                }
            }
        }
        if (!valid) {
            return Verdict.REJECT;                        // answer 401: not from the credit office
        }
        return seen.add(id) ? Verdict.ACCEPT : Verdict.DUPLICATE;   // DUPLICATE: answer 200, do nothing
    }
}
