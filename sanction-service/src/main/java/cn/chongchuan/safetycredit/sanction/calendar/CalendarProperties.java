package cn.chongchuan.safetycredit.sanction.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * The holiday calendar: the zone in which "this year" and "next year" are reckoned for the
 * coverage warning (the district's, like sanction.feedback.zone). The arrangements come from
 * sanction.seeds.holidays and from the years credit-service sends.
 */
@ConfigurationProperties("sanction.calendar")
public record CalendarProperties(@DefaultValue("Asia/Shanghai") ZoneId zone) {
}
