package cn.chongchuan.safetycredit.credit.subject;

/**
 * Published inside the re-hash transaction when a person moves from its lookup hash under a former
 * HMAC key to the hash under the current key: each feature that keeps the person's subject key
 * (listings, the check's subject version and cache, the outbox) moves its own rows in the same
 * transaction.
 */
public record PersonKeyChanged(String oldKey, String newKey) {
}
