package cn.chongchuan.safetycredit.credit.repair;

import java.time.Instant;

/**
 * An application for credit repair (信用修复) with its conditions checklist: penalty fulfilled,
 * hazards rectified, a credit commitment, safety training; decided by the credit office.
 */
public record RepairApplication(
        Long id,
        long listingId,
        String state,
        boolean penaltyFulfilled,
        boolean rectified,
        boolean creditCommitment,
        boolean trainingCompleted,
        String evidence,
        String appliedBy,
        Instant appliedAt,
        String decidedBy,
        Instant decidedAt,
        String decisionReason) {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String REVOKED = "REVOKED";
}
