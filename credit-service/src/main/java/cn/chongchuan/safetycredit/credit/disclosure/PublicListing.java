package cn.chongchuan.safetycredit.credit.disclosure;

import java.time.LocalDate;

/**
 * One entry of the published blacklist: no addresses, contacts or accounts; a person only as the
 * penalised party with the masked ID number.
 */
public record PublicListing(
        long listingId,
        String subjectType,
        String name,
        String code,
        String criterionTitle,
        String legalBasis,
        String decidingDepartment,
        String decisionNumber,
        LocalDate listedFrom,
        LocalDate listedUntil) {
}
