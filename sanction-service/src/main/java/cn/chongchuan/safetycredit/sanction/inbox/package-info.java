/**
 * What credit-service sends, taken in exactly once each (table {@code received_event}): listing
 * events, handed to the notice module's fan-out in the same transaction, and years of the holiday
 * calendar, handed to the calendar. Publishes nothing: its API is HTTP ({@code /internal/v1/**}).
 */
@ApplicationModule(displayName = "Inbox", allowedDependencies = {"notice", "calendar", "support"})
package cn.chongchuan.safetycredit.sanction.inbox;

import org.springframework.modulith.ApplicationModule;
