package cn.chongchuan.safetycredit.sanction.department;

/** A decrypted, active signing secret of a department, ready to sign a notice. */
public record SigningKey(String keyId, byte[] secret) {
}
