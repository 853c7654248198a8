package cn.chongchuan.safetycredit.credit.repair;

import java.time.Instant;

/**
 * An application for credit repair (信用修复) with its conditions checklist: penalty fulfilled,
 * hazards rectified, a credit commitment, safety training; decided by the credit office.
 */
public record RepairApplication(
        Long id,
        long listingId,
        State state,
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

    /** Where an application stands: pending until the credit office decides; an approval may be revoked later. */
    public enum State {
        PENDING, APPROVED, REJECTED, REVOKED
    }
}
