package cn.chongchuan.safetycredit.sanction.department;

import cn.chongchuan.safetycredit.sanction.department.internal.DepartmentMapper;
import cn.chongchuan.safetycredit.sanction.department.internal.DepartmentSecret;
import cn.chongchuan.safetycredit.sanction.department.internal.DepartmentSigningKey;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;

/**
 * Signs a notice for its department per the Standard Webhooks specification: {@code v1} (HMAC-SHA256,
 * through the standardwebhooks library) with every active secret, newest first, then {@code v1a}
 * (Ed25519) with every active key pair, newest first. Push deliveries and pull feeds sign the same way.
 */
@Component
public class NoticeSigner {

    private static final Logger log = LoggerFactory.getLogger(NoticeSigner.class);

    private final DepartmentMapper departments;
    private final SecretCipher cipher;

    NoticeSigner(DepartmentMapper departments, SecretCipher cipher) {
        this.departments = departments;
        this.cipher = cipher;
    }

    /**
     * The headers of one sending of a notice: its id, this sending's timestamp (Unix seconds) and the
     * signatures over {@code id.timestamp.body}.
     *
     * @param body the exact bytes sent (UTF-8 JSON)
     * @throws NoticeSigningException when the department has no active secret, or a stored secret or
     *                                private key cannot be decrypted
     */
    public WebhookHeaders sign(String departmentCode, String noticeId, long timestampSeconds, byte[] body) {
        return keysOf(departmentCode).sign(noticeId, timestampSeconds, body);
    }

    /**
     * The department's active keys, read and opened once, to sign many notices (a page of its feed)
     * without reading them again for each.
     *
     * @throws NoticeSigningException as {@link #sign}
     */
    public Keys keysOf(String departmentCode) {
        List<DepartmentSecret> secrets = departments.findActiveSecrets(departmentCode);
        if (secrets.isEmpty()) {
            throw new NoticeSigningException(NoticeSigningException.NO_ACTIVE_SECRET);
        }
        List<byte[]> hmacKeys = new ArrayList<>(secrets.size());
        List<byte[]> handedOver = new ArrayList<>(secrets.size());
        for (DepartmentSecret secret : secrets) {
            byte[] plain = open(departmentCode, secret.encryptedSecret(), secret.encryptionKeyId(),
                    NoticeSigningException.UNREADABLE_SECRET);
            handedOver.add(plain);
            try {
                hmacKeys.add(WebhookKeys.hmacKey(new String(plain, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException notAWhsecSecret) {
                // Opened, but not a secret this service issues: as unusable as one that cannot be opened.
                log.error("department {}: signing secret {} is not a whsec_ secret of 24 to 64 bytes", departmentCode,
                        secret.keyId());
                throw new NoticeSigningException(NoticeSigningException.UNREADABLE_SECRET);
            }
        }
        List<byte[]> privateKeys = new ArrayList<>();
        for (DepartmentSigningKey key : departments.findActiveSigningKeys(departmentCode)) {
            privateKeys.add(open(departmentCode, key.encryptedPrivateKey(), key.encryptionKeyId(),
                    NoticeSigningException.UNREADABLE_PRIVATE_KEY));
        }
        return new Keys(List.copyOf(hmacKeys), List.copyOf(privateKeys), List.copyOf(handedOver));
    }

    /** A department's opened keys: HMAC keys and Ed25519 private keys, newest first. Never logged or shown. */
    public static final class Keys {

        private final List<byte[]> hmacKeys;
        private final List<byte[]> privateKeys;
        private final List<byte[]> handedOver;

        private Keys(List<byte[]> hmacKeys, List<byte[]> privateKeys, List<byte[]> handedOver) {
            this.hmacKeys = hmacKeys;
            this.privateKeys = privateKeys;
            this.handedOver = handedOver;
        }

        /**
         * The secrets as handed over (the UTF-8 bytes of the whole {@code whsec_} text), newest first:
         * the keys of the legacy {@code X-Notice-Signature}, which predates the standard's key derivation.
         */
        public List<byte[]> legacySecrets() {
            return handedOver;
        }

        /** The headers of one sending of a notice, as {@link NoticeSigner#sign}. */
        public WebhookHeaders sign(String noticeId, long timestampSeconds, byte[] body) {
            if (noticeId == null || noticeId.isBlank() || noticeId.contains(".")) {
                // The signed content is id.timestamp.body: an id with a full stop would make it ambiguous.
                throw new IllegalArgumentException("a notice id must be non-blank and without '.'");
            }
            // The library signs a String (as UTF-8): the body must be exactly the UTF-8 of that String.
            String payload = new String(body, StandardCharsets.UTF_8);
            if (!Arrays.equals(payload.getBytes(StandardCharsets.UTF_8), body)) {
                throw new IllegalArgumentException("a notice body must be UTF-8");
            }
            StringJoiner signatures = new StringJoiner(" ");
            for (byte[] key : hmacKeys) {
                signatures.add(v1Signature(key, noticeId, timestampSeconds, payload));
            }
            for (byte[] privateKey : privateKeys) {
                signatures.add(WebhookKeys.ed25519Signature(privateKey, noticeId, timestampSeconds, body));
            }
            return new WebhookHeaders(noticeId, Long.toString(timestampSeconds), signatures.toString());
        }

        @Override
        public String toString() {
            return "Keys[" + hmacKeys.size() + " HMAC, " + privateKeys.size() + " Ed25519]";
        }
    }

    private byte[] open(String departmentCode, byte[] stored, String encryptionKeyId, String reason) {
        try {
            return cipher.decrypt(stored, encryptionKeyId);
        } catch (RuntimeException e) {
            // The cipher's message names key ids only, never key material.
            log.error("department {}: {}", departmentCode, reason, e);
            throw new NoticeSigningException(reason);
        }
    }

    /** {@code v1,} + base64 of HMAC-SHA256 over {@code id.timestamp.payload}, by the standardwebhooks library. */
    static String v1Signature(byte[] key, String noticeId, long timestamp, String payload) {
        try {
            return new Webhook(key).sign(noticeId, timestamp, payload);
        } catch (EmptyWebhookSecretException | WebhookSigningException e) {
            throw new IllegalStateException("cannot sign with HMAC-SHA256", e);
        }
    }
}
