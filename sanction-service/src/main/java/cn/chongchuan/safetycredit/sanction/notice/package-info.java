/**
 * Sanction cases and notices (tables {@code sanction_case}, {@code notice} and {@code department_feed}, the notices'
 * delivery and answer state included): the fan-out of a listing event to the departments, and the
 * one place the notices are read and written. Published: {@link
 * cn.chongchuan.safetycredit.sanction.notice.ListingEvent} (the contract credit-service sends),
 * {@link cn.chongchuan.safetycredit.sanction.notice.SanctionFanOut}, {@link
 * cn.chongchuan.safetycredit.sanction.notice.Notices} (reads and the departments' answers), {@link
 * cn.chongchuan.safetycredit.sanction.notice.DeliveryQueue} (what the dispatchers claim and record),
 * the events {@link cn.chongchuan.safetycredit.sanction.notice.NoticesQueued} and {@link
 * cn.chongchuan.safetycredit.sanction.notice.NoticesIssued}, and the value types of the named
 * interface {@code domain}. Each notice is numbered in its department's pull feed (table {@code
 * department_feed}: the numbers and the acknowledged position), in the fan-out's transaction.
 */
@ApplicationModule(displayName = "Notices", allowedDependencies = {"calendar", "department", "measure", "support"})
package cn.chongchuan.safetycredit.sanction.notice;

import org.springframework.modulith.ApplicationModule;
