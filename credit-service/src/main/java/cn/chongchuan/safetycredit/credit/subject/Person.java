package cn.chongchuan.safetycredit.credit.subject;

/**
 * A natural person: the keyed-hash subject key and the masked ID number, never the plain one.
 * {@code id} is the internal key and never leaves the service; APIs address a person by
 * {@code publicId}, a random UUID that cannot be enumerated.
 */
public record Person(long id, String publicId, String key, String maskedIdNumber, String name) {
}
