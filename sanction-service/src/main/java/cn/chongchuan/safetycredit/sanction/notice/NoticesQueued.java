package cn.chongchuan.safetycredit.sanction.notice;

/** Published when new notices wait for delivery, so a dispatcher can start at once after commit. */
public record NoticesQueued(int count) {
}
