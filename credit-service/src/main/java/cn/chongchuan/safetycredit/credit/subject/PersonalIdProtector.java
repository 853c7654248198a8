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
    private final String encryptionKeyId;
    private final List<SecretKeySpec> previousAesKeys;
    private final List<String> previousEncryptionKeyIds;
    private final SecureRandom random = new SecureRandom();

    public PersonalIdProtector(PersonalDataProperties properties) {
        this.hmacKey = new SecretKeySpec(properties.hmacKeyBytes(), "HmacSHA256");
        this.hmacKeyId = keyId(properties.hmacKeyBytes());
        this.previousHmacKeys = properties.previousHmacKeyBytes().stream()
                .map(k -> new SecretKeySpec(k, "HmacSHA256")).toList();
        this.previousHmacKeyIds = properties.previousHmacKeyBytes().stream().map(PersonalIdProtector::keyId).toList();
        this.aesKey = new SecretKeySpec(properties.encryptionKeyBytes(), "AES");
        this.encryptionKeyId = encryptionKeyId(properties.encryptionKeyBytes());
        this.previousAesKeys = properties.previousEncryptionKeyBytes().stream().map(k -> new SecretKeySpec(k, "AES"))
                .toList();
        this.previousEncryptionKeyIds = properties.previousEncryptionKeyBytes().stream()
                .map(PersonalIdProtector::encryptionKeyId).toList();
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
        return keyId("safety-credit personal-id hmac key id\n", key);
    }

    private static String encryptionKeyId(byte[] key) {
        return keyId("safety-credit personal-id encryption key id\n", key);
    }

    private static String keyId(String label, byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(label.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key)).substring(0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * Which AES key encrypts the stored numbers: 16 hex characters of SHA-256 over another fixed label
     * and the key, stored with each person's ciphertext ({@code person.id_cipher_key}, V16), so that a
     * rotation knows which rows still need the re-encryption and a wrong key is named at start-up.
     */
    public String encryptionKeyId() {
        return encryptionKeyId;
    }

    /** The ids of the former encryption keys, used only to decrypt while a rotation runs. */
    public List<String> previousEncryptionKeyIds() {
        return previousEncryptionKeyIds;
    }

    /** Base64 of IV followed by the AES-GCM ciphertext and tag, under the current key ({@link #encryptionKeyId()}). */
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

    /**
     * The plain number, for an authorised view only. {@code keyId} is the stored id of the key that
     * encrypted it: the current key's or a previous one's; a key id that is not configured is refused.
     * Without one (rows from before V16) each configured key is tried, current first: AES-GCM's tag
     * refuses a wrong key, so a key that opens it is the one.
     */
    public String decrypt(String cipherText, String keyId) {
        if (keyId != null) {
            if (keyId.equals(encryptionKeyId)) {
                return decrypt(cipherText, aesKey);
            }
            int previous = previousEncryptionKeyIds.indexOf(keyId);
            if (previous < 0) {
                throw new IllegalStateException("cannot decrypt a personal ID number: it was encrypted with key id "
                        + keyId + ", which is neither credit.personal-data.encryption-key nor a previous-encryption-key");
            }
            return decrypt(cipherText, previousAesKeys.get(previous));
        }
        IllegalStateException failure = null;
        for (SecretKeySpec key : allAesKeys()) {
            try {
                return decrypt(cipherText, key);
            } catch (IllegalStateException wrongKey) {
                failure = wrongKey;
            }
        }
        throw failure;
    }

    /** The id of the configured key (current first, then the previous ones) that opens the ciphertext, if any. */
    public java.util.Optional<String> encryptionKeyIdOpening(String cipherText) {
        List<SecretKeySpec> keys = allAesKeys();
        for (int i = 0; i < keys.size(); i++) {
            try {
                decrypt(cipherText, keys.get(i));
                return java.util.Optional.of(i == 0 ? encryptionKeyId : previousEncryptionKeyIds.get(i - 1));
            } catch (RuntimeException wrongKeyOrDamaged) {
                // AES-GCM's tag refuses a wrong key; a damaged value opens under none.
            }
        }
        return java.util.Optional.empty();
    }

    private List<SecretKeySpec> allAesKeys() {
        List<SecretKeySpec> keys = new java.util.ArrayList<>();
        keys.add(aesKey);
        keys.addAll(previousAesKeys);
        return keys;
    }

    private static String decrypt(String cipherText, SecretKeySpec key) {
        try {
            byte[] all = Base64.getDecoder().decode(cipherText);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a personal ID number (wrong key?)", e);
        }
    }
}
