package cn.chongchuan.safetycredit.sanction.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * When departments must report back: {@code deadline-working-days} after the notice (unconfirmed:
 * 10 by default), counted in {@code zone} with the holiday calendar (public holidays off, 调休
 * weekend days worked; sanction.calendar, seeds/holidays.yaml).
 */
@ConfigurationProperties("sanction.feedback")
public record FeedbackProperties(
        @DefaultValue("10") int deadlineWorkingDays,
        @DefaultValue("Asia/Shanghai") ZoneId zone) {
}
