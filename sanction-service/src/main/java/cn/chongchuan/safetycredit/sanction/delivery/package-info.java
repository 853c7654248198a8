/**
 * Delivery of notices to department endpoints (table {@code delivery_attempt}): dispatchers that
 * claim due notices from the notice module's {@link cn.chongchuan.safetycredit.sanction.notice.DeliveryQueue},
 * sign and post them through each department's guards (OpenFeign, Resilience4j), record every call,
 * retry failed rounds on the schedule (with jitter, later when a department sends {@code Retry-After}),
 * disable a department's endpoint that is gone (410) or has failed for too long, and ADMIN's
 * replays, endpoint controls and dashboard. Publishes nothing: its API is HTTP.
 */
@ApplicationModule(displayName = "Delivery",
        allowedDependencies = {"notice", "notice::domain", "department", "endpoint", "support"})
package cn.chongchuan.safetycredit.sanction.delivery;

import org.springframework.modulith.ApplicationModule;
