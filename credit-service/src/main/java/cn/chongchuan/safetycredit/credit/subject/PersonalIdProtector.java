package cn.chongchuan.safetycredit.credit.subject;

import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import cn.chongchuan.safetycredit.platform.crypto.AesGcmKeyRing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Keeps personal ID numbers out of plain sight: a keyed hash (HMAC-SHA256) to find a person, an
 * AES-GCM ciphertext for authorised display, the masked form for everything else.
 */
public class PersonalIdProtector {

    /** Names the encrypted numbers' keys (the HMAC keys have a label of their own). */
    private static final String ENCRYPTION_KEY_LABEL = "safety-credit personal-id encryption key id\n";
    private static final String ENCRYPTION_KEY_NAMES = "credit.personal-data.encryption-key nor a previous-encryption-key";

    private final SecretKeySpec hmacKey;
    private final String hmacKeyId;
    private final List<SecretKeySpec> previousHmacKeys;
    private final List<String> previousHmacKeyIds;
    private final AesGcmKeyRing encryptionKeys;

    public PersonalIdProtector(PersonalDataProperties properties) {
        this.hmacKey = new SecretKeySpec(properties.hmacKeyBytes(), "HmacSHA256");
        this.hmacKeyId = keyId(properties.hmacKeyBytes());
        this.previousHmacKeys = properties.previousHmacKeyBytes().stream()
                .map(k -> new SecretKeySpec(k, "HmacSHA256")).toList();
        this.previousHmacKeyIds = properties.previousHmacKeyBytes().stream().map(PersonalIdProtector::keyId).toList();
        this.encryptionKeys = new AesGcmKeyRing(ENCRYPTION_KEY_LABEL, "a personal ID number",
                properties.encryptionKeyBytes(), properties.previousEncryptionKeyBytes());
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
        return AesGcmKeyRing.keyId("safety-credit personal-id hmac key id\n", key);
    }

    /**
     * Which AES key encrypts the stored numbers: 16 hex characters of SHA-256 over another fixed label
     * and the key, stored with each person's ciphertext ({@code person.id_cipher_key}, V16), so that a
     * rotation knows which rows still need the re-encryption and a wrong key is named at start-up.
     */
    public String encryptionKeyId() {
        return encryptionKeys.currentKeyId();
    }

    /** The ids of the former encryption keys, used only to decrypt while a rotation runs. */
    public List<String> previousEncryptionKeyIds() {
        return encryptionKeys.previousKeyIds();
    }

    /** Base64 of IV followed by the AES-GCM ciphertext and tag, under the current key ({@link #encryptionKeyId()}). */
    public String encrypt(ResidentIdNumber id) {
        return Base64.getEncoder().encodeToString(encryptionKeys.encrypt(id.plain().getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * The plain number, for an authorised view only. {@code keyId} is the stored id of the key that
     * encrypted it: the current key's or a previous one's; a key id that is not configured is refused.
     * Without one (rows from before V16) each configured key is tried, current first.
     */
    public String decrypt(String cipherText, String keyId) {
        return new String(encryptionKeys.decrypt(Base64.getDecoder().decode(cipherText), keyId, ENCRYPTION_KEY_NAMES),
                StandardCharsets.US_ASCII);
    }

    /** The id of the configured key (current first, then the previous ones) that opens the ciphertext, if any. */
    public Optional<String> encryptionKeyIdOpening(String cipherText) {
        byte[] stored;
        try {
            stored = Base64.getDecoder().decode(cipherText);
        } catch (IllegalArgumentException damaged) {
            return Optional.empty();
        }
        return encryptionKeys.keyIdOpening(stored);
    }
}
