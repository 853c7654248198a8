package cn.chongchuan.safetycredit.credit.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * The holiday calendar: the zone in which "this year" and "next year" are reckoned for the
 * coverage warning (the district's, like credit.listing.zone). The arrangements themselves come
 * from {@code holidays.yaml} in the seed location (credit.seeds.location) and from the years the
 * credit office adds.
 */
@ConfigurationProperties("credit.calendar")
public record CalendarProperties(@DefaultValue("Asia/Shanghai") ZoneId zone) {
}
