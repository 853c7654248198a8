package cn.chongchuan.safetycredit.sanction.department;

/**
 * The Standard Webhooks header values of one signed notice: {@code webhook-id},
 * {@code webhook-timestamp} and {@code webhook-signature} (null when the department has no secret).
 */
public record WebhookHeaders(String id, String timestamp, String signature) {
}
