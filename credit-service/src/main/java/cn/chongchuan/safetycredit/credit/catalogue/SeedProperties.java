package cn.chongchuan.safetycredit.credit.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the reviewable seed files live (departments.yaml, criteria.yaml, checklist.yaml). */
@ConfigurationProperties("credit.seeds")
public record SeedProperties(@DefaultValue("classpath:seeds/") String location) {
}
