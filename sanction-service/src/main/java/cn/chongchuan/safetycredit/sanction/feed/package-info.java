/**
 * Pull feeds (table {@code feed_access}): a department reads its notices in order with a cursor,
 * each exactly once, with the same body and signature a push carries, acknowledges by cursor, and
 * may wait for the next notice (long polling). The numbering and the acknowledged position are the
 * notice module's ({@link cn.chongchuan.safetycredit.sanction.notice.Notices}); this module serves
 * them over HTTP ({@code /api/v1/notices/feed/**}), signs with the department module's {@link
 * cn.chongchuan.safetycredit.sanction.department.NoticeSigner} and records who read or acknowledged
 * what. Publishes nothing.
 */
@ApplicationModule(displayName = "Pull feeds",
        allowedDependencies = {"notice", "notice::domain", "department", "support"})
package cn.chongchuan.safetycredit.sanction.feed;

import org.springframework.modulith.ApplicationModule;
