/**
 * The departments' side of the loop ("响应—反馈", table {@code notice_feedback}): their inbox,
 * acknowledgements and per-measure outcomes, and ADMIN's follow-up lists and case overview.
 * Publishes nothing: its API is HTTP ({@code /api/v1/notices/**}, {@code /api/v1/cases/**}).
 */
@ApplicationModule(displayName = "Feedback", allowedDependencies = {"notice", "notice::domain", "support"})
package cn.chongchuan.safetycredit.sanction.feedback;

import org.springframework.modulith.ApplicationModule;
