package cn.chongchuan.safetycredit.sanction.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * When departments must report back: {@code deadline-working-days} after the notice (unconfirmed:
 * 10 by default), counted in {@code zone}, skipping weekends and the listed {@code holidays}.
 */
@ConfigurationProperties("sanction.feedback")
public record FeedbackProperties(
        @DefaultValue("10") int deadlineWorkingDays,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        Set<LocalDate> holidays) {

    public FeedbackProperties {
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }
}
