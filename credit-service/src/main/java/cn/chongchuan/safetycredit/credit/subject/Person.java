package cn.chongchuan.safetycredit.credit.subject;

/** A natural person: the keyed-hash subject key and the masked ID number, never the plain one. */
public record Person(long id, String key, String maskedIdNumber, String name) {
}
