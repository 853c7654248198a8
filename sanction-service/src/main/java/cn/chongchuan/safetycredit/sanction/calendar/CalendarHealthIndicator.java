package cn.chongchuan.safetycredit.sanction.calendar;

import cn.chongchuan.safetycredit.platform.calendar.CalendarCoverage;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The "calendar" component of health and readiness: the years covered, and a warning when this
 * year or the next is missing. Always UP: a missing year makes feedback deadlines count Monday to
 * Friday, which is worse but not broken, and notices must keep going out while the year is added.
 */
@Component
class CalendarHealthIndicator implements HealthIndicator {

    private final CalendarService calendar;

    CalendarHealthIndicator(CalendarService calendar) {
        this.calendar = calendar;
    }

    @Override
    public Health health() {
        CalendarCoverage coverage;
        try {
            coverage = calendar.coverage();
        } catch (RuntimeException e) {
            // The database is away (its own indicator says so); the calendar cannot say more.
            return Health.unknown().withDetail("error", "cannot read the received years: " + e.getClass().getSimpleName())
                    .build();
        }
        Health.Builder health = Health.up()
                .withDetail("years", coverage.years())
                .withDetail("currentYear", coverage.currentYear())
                .withDetail("currentYearCovered", coverage.currentYearCovered())
                .withDetail("nextYearCovered", coverage.nextYearCovered());
        coverage.warning().ifPresent(warning -> health.withDetail("warning", warning));
        return health.build();
    }
}
