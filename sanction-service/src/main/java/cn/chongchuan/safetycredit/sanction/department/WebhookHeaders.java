package cn.chongchuan.safetycredit.sanction.department;

/**
 * The three Standard Webhooks headers of one signed notice: {@code webhook-id}, {@code webhook-timestamp}
 * (Unix seconds) and {@code webhook-signature} (space-separated {@code v1,<base64>} per active secret,
 * newest first, then {@code v1a,<base64>} per active Ed25519 key, newest first).
 */
public record WebhookHeaders(String id, String timestamp, String signature) {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
}
