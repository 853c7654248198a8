package cn.chongchuan.safetycredit.credit.subject;

import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Keeps personal ID numbers out of plain sight: a keyed hash (HMAC-SHA256) to find a person, an
 * AES-GCM ciphertext for authorised display, the masked form for everything else.
 */
public class PersonalIdProtector {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec hmacKey;
    private final String hmacKeyId;
    private final List<SecretKeySpec> previousHmacKeys;
    private final List<String> previousHmacKeyIds;
    private final SecretKeySpec aesKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalIdProtector(PersonalDataProperties properties) {
        this.hmacKey = new SecretKeySpec(properties.hmacKeyBytes(), "HmacSHA256");
        this.hmacKeyId = keyId(properties.hmacKeyBytes());
        this.previousHmacKeys = properties.previousHmacKeyBytes().stream()
                .map(k -> new SecretKeySpec(k, "HmacSHA256")).toList();
        this.previousHmacKeyIds = properties.previousHmacKeyBytes().stream().map(PersonalIdProtector::keyId).toList();
        this.aesKey = new SecretKeySpec(properties.encryptionKeyBytes(), "AES");
    }

    /** The lookup hash: 64 hex characters, the same for the same number under the same key. */
    public String hash(ResidentIdNumber id) {
        return hash(id, hmacKey);
    }

    /**
     * The lookup hashes under the former HMAC keys while a rotation runs (none otherwise): a person
     * not yet re-hashed is found under one of them.
     */
    public List<String> previousHashes(ResidentIdNumber id) {
        return previousHmacKeys.stream().map(key -> hash(id, key)).toList();
    }

    /** The ids of the former HMAC keys still readable during a rotation. */
    public List<String> previousHmacKeyIds() {
        return previousHmacKeyIds;
    }

    private static String hash(ResidentIdNumber id, SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(id.plain().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /**
     * Which HMAC key makes the lookup hashes: 16 hex characters of SHA-256 over a fixed label and the
     * key, stored with each person, so that a service started with another key can tell (and refuse
     * to start) instead of finding nobody and answering CLEAR. It reveals nothing of the key.
     */
    public String hmacKeyId() {
        return hmacKeyId;
    }

    private static String keyId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("safety-credit personal-id hmac key id\n".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Base64 of IV followed by the AES-GCM ciphertext and tag. */
    public String encrypt(ResidentIdNumber id) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(id.plain().getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plain number, for an authorised view only. */
    public String decrypt(String cipherText) {
        try {
            byte[] all = Base64.getDecoder().decode(cipherText);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a personal ID number (wrong key?)", e);
        }
    }
}
