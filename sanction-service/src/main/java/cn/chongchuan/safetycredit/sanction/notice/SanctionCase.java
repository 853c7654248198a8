package cn.chongchuan.safetycredit.sanction.notice;

import java.time.Instant;
import java.time.LocalDate;

/** The sanction case of one listing: what every department is told about. */
public record SanctionCase(Long id, long listingId, String subjectType, String subjectKey, String subjectName,
        String subjectCode, String criterionCode, String criterionTitle, String decisionNumber,
        String decidingDepartment, LocalDate listedFrom, LocalDate listedUntil, String relatedListingIds,
        String status, String endCause, Instant startedAt, Instant endedAt) {
}
