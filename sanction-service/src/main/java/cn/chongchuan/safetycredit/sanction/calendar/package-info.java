/**
 * The working-day calendar of sanction-service (table {@code calendar_year}): the seed file's
 * years overlaid by those credit-service sends, and the readiness warning when a year is missing.
 * Published: {@link cn.chongchuan.safetycredit.sanction.calendar.CalendarService}.
 */
@ApplicationModule(displayName = "Holiday calendar", allowedDependencies = "seed")
package cn.chongchuan.safetycredit.sanction.calendar;

import org.springframework.modulith.ApplicationModule;
