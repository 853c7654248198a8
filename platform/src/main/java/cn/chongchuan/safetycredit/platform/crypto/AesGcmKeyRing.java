package cn.chongchuan.safetycredit.platform.crypto;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data encrypted at rest under a key that can be rotated: AES-256-GCM with a random 96-bit nonce
 * before the ciphertext and tag. The current key encrypts; while a rotation runs, the previous keys
 * only decrypt. Each key is named by an id (16 hex characters of SHA-256 over a fixed label and the
 * key: it names the key and reveals nothing of it) that callers store beside what it encrypted.
 */
public final class AesGcmKeyRing {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String what;
    private final String currentKeyId;
    /** The current key first, then the previous ones in their configured order. */
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param idLabel  the label the key ids are made with (one per kind of data, so ids never collide across kinds)
     * @param what     what is encrypted, for error messages ("a personal ID number")
     * @param current  the key that encrypts (32 bytes)
     * @param previous former keys, for decryption only
     */
    public AesGcmKeyRing(String idLabel, String what, byte[] current, List<byte[]> previous) {
        this.what = what;
        this.currentKeyId = keyId(idLabel, current);
        keys.put(currentKeyId, new SecretKeySpec(current, "AES"));
        for (byte[] key : previous) {
            keys.putIfAbsent(keyId(idLabel, key), new SecretKeySpec(key, "AES"));
        }
    }

    /** 16 hex characters of SHA-256 over {@code label} and the key. */
    public static String keyId(String label, byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(label.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The id of the key {@link #encrypt} uses. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** The ids of the previous keys, used only to decrypt while a rotation runs. */
    public List<String> previousKeyIds() {
        return keys.keySet().stream().skip(1).toList();
    }

    /** The nonce followed by the ciphertext and tag, under the current key. */
    public byte[] encrypt(byte[] plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt " + what, e);
        }
    }

    /**
     * The plain bytes. {@code keyId} is the stored id of the key that encrypted them: the current
     * key's or a previous one's; any other is refused, naming {@code keyNames} (the settings that hold
     * the keys). Without one (data stored before key ids were) each configured key is tried, current
     * first: AES-GCM's tag refuses a wrong key, so a key that opens it is the one.
     */
    public byte[] decrypt(byte[] stored, String keyId, String keyNames) {
        if (keyId != null) {
            SecretKeySpec key = keys.get(keyId);
            if (key == null) {
                throw new IllegalStateException("cannot decrypt " + what + ": it was encrypted with key id " + keyId
                        + ", which is neither " + keyNames);
            }
            return decrypt(stored, key);
        }
        IllegalStateException failure = null;
        for (SecretKeySpec key : keys.values()) {
            try {
                return decrypt(stored, key);
            } catch (IllegalStateException wrongKey) {
                failure = wrongKey;
            }
        }
        throw failure;
    }

    /** The id of the configured key (current first, then the previous ones) that opens the stored bytes, if any. */
    public Optional<String> keyIdOpening(byte[] stored) {
        for (Map.Entry<String, SecretKeySpec> key : keys.entrySet()) {
            try {
                decrypt(stored, key.getValue());
                return Optional.of(key.getKey());
            } catch (RuntimeException wrongKeyOrDamaged) {
                // AES-GCM's tag refuses a wrong key; a damaged value opens under none.
            }
        }
        return Optional.empty();
    }

    private byte[] decrypt(byte[] stored, SecretKeySpec key) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt " + what + " (wrong key?)", e);
        }
    }
}
