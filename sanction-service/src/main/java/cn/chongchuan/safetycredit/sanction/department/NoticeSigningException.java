package cn.chongchuan.safetycredit.sanction.department;

/**
 * A notice cannot be signed for its department: no active secret, or a stored secret or private key
 * the configured encryption keys cannot open. The message is the reason a delivery records; it never
 * contains key material.
 */
public final class NoticeSigningException extends RuntimeException {

    public static final String NO_ACTIVE_SECRET = "department has no active signing secret";
    public static final String UNREADABLE_SECRET = "department's signing secret cannot be decrypted";
    public static final String UNREADABLE_PRIVATE_KEY = "department's Ed25519 signing key cannot be decrypted";

    public NoticeSigningException(String reason) {
        super(reason, null, false, false);
    }
}
