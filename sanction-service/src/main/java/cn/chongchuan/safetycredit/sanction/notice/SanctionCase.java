package cn.chongchuan.safetycredit.sanction.notice;

import cn.chongchuan.safetycredit.sanction.notice.domain.CaseStatus;
import cn.chongchuan.safetycredit.sanction.support.SubjectType;

import java.time.Instant;

/** The sanction case of one listing, as its overview shows it: whom it names, who decided it, where it stands. */
public record SanctionCase(long id, long listingId, SubjectType subjectType, String subjectName, String subjectCode,
        String decisionNumber, String decidingDepartment, CaseStatus status, ListingEvent.Cause endCause,
        Instant startedAt, Instant endedAt) {
}
