package cn.chongchuan.safetycredit.credit.repair;

import cn.chongchuan.safetycredit.credit.followup.FollowUpService;
import cn.chongchuan.safetycredit.credit.listing.Actor;
import cn.chongchuan.safetycredit.credit.listing.ListingProperties;
import cn.chongchuan.safetycredit.credit.listing.ListingRow;
import cn.chongchuan.safetycredit.credit.listing.ListingService;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingState;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.problem.FieldError;
import cn.chongchuan.safetycredit.platform.web.Caller;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Credit repair: after twelve months on the list a subject may apply, with the conditions met;
 * the credit office approves (early removal) or rejects with reasons, and may later revoke an
 * approval that rested on false material (the listing is restored).
 */
@Service
public class RepairService {

    private final RepairMapper mapper;
    private final ListingService listings;
    private final FollowUpService followUps;
    private final ListingProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    RepairService(RepairMapper mapper, ListingService listings, FollowUpService followUps, ListingProperties properties,
            JsonMapper json, Clock clock) {
        this.mapper = mapper;
        this.listings = listings;
        this.followUps = followUps;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /** The conditions checklist of an application. */
    public record Conditions(@NotNull Boolean penaltyFulfilled, @NotNull Boolean rectified,
                             @NotNull Boolean creditCommitment, @NotNull Boolean trainingCompleted) {

        List<String> unmet() {
            List<String> unmet = new ArrayList<>();
            if (!penaltyFulfilled) {
                unmet.add("penaltyFulfilled");
            }
            if (!rectified) {
                unmet.add("rectified");
            }
            if (!creditCommitment) {
                unmet.add("creditCommitment");
            }
            if (!trainingCompleted) {
                unmet.add("trainingCompleted");
            }
            return unmet;
        }
    }

    /**
     * Files an application; the listing must be on the list for twelve months, every condition met,
     * and the penalised unit's commitment letter recorded on the case's follow-up (一案五制).
     */
    @Transactional
    public RepairApplication applyForRepair(long listingId, Conditions conditions, List<String> evidence, Caller caller) {
        ListingRow listing = listings.find(listingId);
        caller.requireOwns(listing.departmentCode(), "listing " + listingId);
        LocalDate today = listings.today();
        if (!listing.stateOn(today).isOnList()) {
            throw new ApiException(HttpStatus.CONFLICT, "not-listed", "Not on the list",
                    "only a listing that is on the list can be repaired; this one is " + listing.stateOn(today));
        }
        LocalDate eligible = listing.period().repairEligibleFrom(properties.repairAfterMonths());
        if (today.isBefore(eligible)) {
            throw new ApiException(HttpStatus.CONFLICT, "repair-too-early", "Too early for credit repair",
                    "credit repair may be applied for from " + eligible + " (" + properties.repairAfterMonths()
                            + " months after the decision)").with("eligibleFrom", eligible.toString());
        }
        List<String> unmet = conditions.unmet();
        if (!unmet.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "repair-conditions-unmet", "Repair conditions not met",
                    "every condition must be met before applying: " + String.join(", ", unmet))
                    .with("errors", unmet.stream().map(f -> new FieldError(
                            "conditions." + f, "must be met")).toList());
        }
        if (!followUps.hasCommitment(listing.violationId())) {
            throw new ApiException(HttpStatus.CONFLICT, "commitment-missing", "Commitment not recorded",
                    "credit repair needs the penalised unit's commitment letter on record: record it first with POST "
                            + "/api/v1/violations/" + listing.violationId() + "/follow-up/commitment")
                    .with("violationId", listing.violationId());
        }
        if (mapper.findPendingForListing(listingId).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "repair-pending", "Application pending",
                    "listing " + listingId + " already has a pending repair application");
        }
        mapper.insert(new RepairApplication(null, listingId, RepairApplication.PENDING, conditions.penaltyFulfilled(),
                conditions.rectified(), conditions.creditCommitment(), conditions.trainingCompleted(),
                evidence == null || evidence.isEmpty() ? null : json.writeValueAsString(evidence), caller.department(),
                clock.instant(), null, null, null));
        RepairApplication created = mapper.findPendingForListing(listingId).orElseThrow();
        listings.recordInHistory(listingId, "REPAIR_APPLIED", Actor.of(caller), "信用修复申请 #" + created.id(), evidence);
        return created;
    }

    /** The credit office approves: the listing ends as REPAIRED and the partners are told. */
    @Transactional
    public RepairApplication approveRepair(long id, String reason, Caller caller) {
        RepairApplication application = pending(id);
        listings.markRepaired(application.listingId(), reason, List.of("信用修复申请 #" + id), Actor.of(caller, "ADMIN"));
        mapper.decide(id, RepairApplication.APPROVED, caller.department(), clock.instant(), reason);
        return mapper.findById(id).orElseThrow();
    }

    @Transactional
    public RepairApplication rejectRepair(long id, String reason, Caller caller) {
        RepairApplication application = pending(id);
        mapper.decide(id, RepairApplication.REJECTED, caller.department(), clock.instant(), reason);
        listings.recordInHistory(application.listingId(), "REPAIR_REJECTED", Actor.of(caller, "ADMIN"), reason, List.of());
        return mapper.findById(id).orElseThrow();
    }

    /** An approved repair rested on false material: revoke it and restore the listing. */
    @Transactional
    public RepairApplication revokeRepair(long id, String reason, Caller caller) {
        RepairApplication application = mapper.lockById(id).orElseThrow(() -> ApiException.notFound("repair application " + id));
        if (!RepairApplication.APPROVED.equals(application.state())
                || listings.find(application.listingId()).state() != ListingState.REPAIRED) {
            throw new ApiException(HttpStatus.CONFLICT, "repair-not-revocable", "Repair cannot be revoked",
                    "only an approved repair whose listing is REPAIRED can be revoked; this application is " + application.state());
        }
        listings.restoreAfterRevokedRepair(application.listingId(), reason, List.of("信用修复申请 #" + id), Actor.of(caller, "ADMIN"));
        mapper.decide(id, RepairApplication.REVOKED, caller.department(), clock.instant(), reason);
        return mapper.findById(id).orElseThrow();
    }

    public List<RepairApplication> queue(String state, int limit) {
        return mapper.findByState(state, limit);
    }

    public List<RepairApplication> ofListing(long listingId) {
        return mapper.findByListing(listingId);
    }

    private RepairApplication pending(long id) {
        RepairApplication application = mapper.lockById(id).orElseThrow(() -> ApiException.notFound("repair application " + id));
        if (!RepairApplication.PENDING.equals(application.state())) {
            throw new ApiException(HttpStatus.CONFLICT, "repair-decided", "Already decided",
                    "repair application " + id + " is already " + application.state());
        }
        return application;
    }
}
