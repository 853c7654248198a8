package cn.chongchuan.safetycredit.platform.problem;

/** One rejected input field and why, as listed in a problem response's {@code errors}. */
public record FieldError(String field, String reason) {
}
