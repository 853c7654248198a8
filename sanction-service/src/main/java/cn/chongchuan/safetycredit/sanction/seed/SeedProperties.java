package cn.chongchuan.safetycredit.sanction.seed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the reviewable seed files are read from at start-up, and whether to load the departments
 * and measures into the database. The holiday calendar ({@code holidays}) is read in any case: it
 * is kept in memory, and the service cannot count a deadline without it.
 */
@ConfigurationProperties("sanction.seeds")
public record SeedProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("classpath:seeds/departments.yaml") String departments,
        @DefaultValue("classpath:seeds/measures.yaml") String measures,
        @DefaultValue("classpath:seeds/holidays.yaml") String holidays) {
}
