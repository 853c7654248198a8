package cn.chongchuan.safetycredit.sanction.department;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The key forms of the Standard Webhooks specification: {@code whsec_<base64>} secrets (the HMAC key
 * is the base64 decoding of the part after the prefix), {@code whpk_<base64>} Ed25519 public keys
 * (raw 32 bytes), and the Ed25519 ("v1a") signature itself (JDK provider). Plain Java.
 */
final class WebhookKeys {

    static final String SECRET_PREFIX = "whsec_";
    static final String PUBLIC_KEY_PREFIX = "whpk_";
    /** The DER prefix of an X.509 SubjectPublicKeyInfo for Ed25519: the raw key follows it. */
    private static final int X509_PREFIX_LENGTH = 12;

    private WebhookKeys() {
    }

    /** A new secret in the standard form: {@code whsec_} + standard base64 (with padding) of the raw bytes. */
    static String secretOf(byte[] raw) {
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(raw);
    }

    /**
     * The HMAC key of a secret as the standard defines it. Secrets issued before the standard form were
     * {@code whsec_} + base64url without padding: the same raw bytes in the other alphabet, so both
     * alphabets are read ({@code -}/{@code _} are the URL-safe {@code +}/{@code /}).
     */
    static byte[] hmacKey(String secret) {
        if (!secret.startsWith(SECRET_PREFIX)) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        String encoded = secret.substring(SECRET_PREFIX.length()).replace('-', '+').replace('_', '/');
        byte[] key = Base64.getDecoder().decode(encoded);
        if (key.length < 24 || key.length > 64) {
            throw new IllegalArgumentException("a signing secret must be 24 to 64 bytes, not " + key.length);
        }
        return key;
    }

    static KeyPair newEd25519KeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 unavailable", e);
        }
    }

    /** The raw 32 bytes of an Ed25519 public key (RFC 8032), from its X.509 encoding. */
    static byte[] rawPublicKey(KeyPair pair) {
        byte[] x509 = pair.getPublic().getEncoded();
        return Arrays.copyOfRange(x509, X509_PREFIX_LENGTH, x509.length);
    }

    static String publicKeyOf(byte[] raw) {
        return PUBLIC_KEY_PREFIX + Base64.getEncoder().encodeToString(raw);
    }

    /** {@code v1a,} + base64 of the Ed25519 signature of {@code id.timestamp.body}. */
    static String ed25519Signature(byte[] pkcs8PrivateKey, String id, long timestamp, byte[] body) {
        try {
            PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8PrivateKey));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            signature.update(body);
            return "v1a," + Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }
}
