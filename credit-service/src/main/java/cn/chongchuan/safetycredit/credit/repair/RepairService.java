package cn.chongchuan.safetycredit.credit.repair;

import cn.chongchuan.safetycredit.credit.followup.FollowUpService;
import cn.chongchuan.safetycredit.credit.listing.Actor;
import cn.chongchuan.safetycredit.credit.listing.ListingProperties;
import cn.chongchuan.safetycredit.credit.listing.ListingService;
import cn.chongchuan.safetycredit.credit.listing.domain.Listing;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingState;
import cn.chongchuan.safetycredit.credit.repair.RepairApplication.State;
import cn.chongchuan.safetycredit.platform.identity.Requester;
import cn.chongchuan.safetycredit.platform.persistence.GeneratedId;
import cn.chongchuan.safetycredit.platform.problem.FieldError;
import cn.chongchuan.safetycredit.platform.rule.RuleViolation;
import cn.chongchuan.safetycredit.platform.web.Paging;
import jakarta.validation.constraints.NotNull;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
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
     * Files an application; the listing must be on the list for twelve months (the listing's own
     * rule), every condition met, and the penalised unit's commitment letter recorded on the case's
     * follow-up (一案五制).
     */
    @Transactional
    public RepairApplication applyForRepair(long listingId, Conditions conditions, List<String> evidence, Requester requester) {
        Listing listing = listings.find(listingId);
        if (!requester.owns(listing.departmentCode())) {
            throw RuleViolation.notFound("listing " + listingId);
        }
        listing.requireRepairable(listings.today(), properties.repairAfterMonths());
        List<String> unmet = conditions.unmet();
        if (!unmet.isEmpty()) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, "repair-conditions-unmet", "Repair conditions not met",
                    "every condition must be met before applying: " + String.join(", ", unmet))
                    .with("errors", unmet.stream().map(f -> new FieldError("conditions." + f, "must be met")).toList());
        }
        if (!followUps.hasCommitment(listing.violationId())) {
            throw RuleViolation.conflict("commitment-missing", "Commitment not recorded",
                    "credit repair needs the penalised unit's commitment letter on record: record it first with POST "
                            + "/api/v1/violations/" + listing.violationId() + "/follow-up/commitment")
                    .with("violationId", listing.violationId());
        }
        if (mapper.findPendingForListing(listingId).isPresent()) {
            throw RuleViolation.conflict("repair-pending", "Application pending",
                    "listing " + listingId + " already has a pending repair application");
        }
        GeneratedId id = new GeneratedId();
        mapper.insert(new RepairApplication(null, listingId, State.PENDING, conditions.penaltyFulfilled(),
                conditions.rectified(), conditions.creditCommitment(), conditions.trainingCompleted(),
                evidence == null || evidence.isEmpty() ? null : json.writeValueAsString(evidence), requester.department(),
                clock.instant(), null, null, null), id);
        listings.recordInHistory(listingId, "REPAIR_APPLIED", Actor.of(requester), "信用修复申请 #" + id.value(), evidence);
        return mapper.findById(id.value()).orElseThrow();
    }

    /** The credit office approves: the listing ends as REPAIRED and the partners are told. */
    @Transactional
    public RepairApplication approveRepair(long id, String reason, Requester requester) {
        RepairApplication application = pending(id);
        listings.markRepaired(application.listingId(), reason, List.of("信用修复申请 #" + id), Actor.of(requester, Requester.ADMIN));
        mapper.decide(id, State.APPROVED, requester.department(), clock.instant(), reason);
        return mapper.findById(id).orElseThrow();
    }

    @Transactional
    public RepairApplication rejectRepair(long id, String reason, Requester requester) {
        RepairApplication application = pending(id);
        mapper.decide(id, State.REJECTED, requester.department(), clock.instant(), reason);
        listings.recordInHistory(application.listingId(), "REPAIR_REJECTED", Actor.of(requester, Requester.ADMIN), reason, List.of());
        return mapper.findById(id).orElseThrow();
    }

    /** An approved repair rested on false material: revoke it and restore the listing. */
    @Transactional
    public RepairApplication revokeRepair(long id, String reason, Requester requester) {
        RepairApplication application = mapper.lockById(id).orElseThrow(() -> RuleViolation.notFound("repair application " + id));
        if (application.state() != State.APPROVED
                || listings.find(application.listingId()).state() != ListingState.REPAIRED) {
            throw RuleViolation.conflict("repair-not-revocable", "Repair cannot be revoked",
                    "only an approved repair whose listing is REPAIRED can be revoked; this application is " + application.state());
        }
        listings.restoreAfterRevokedRepair(application.listingId(), reason, List.of("信用修复申请 #" + id), Actor.of(requester, Requester.ADMIN));
        mapper.decide(id, State.REVOKED, requester.department(), clock.instant(), reason);
        return mapper.findById(id).orElseThrow();
    }

    public List<RepairApplication> queue(State state, int page, int size) {
        return mapper.findByState(state, size, Paging.offset(page, size));
    }

    public List<RepairApplication> ofListing(long listingId) {
        return mapper.findByListing(listingId);
    }

    private RepairApplication pending(long id) {
        RepairApplication application = mapper.lockById(id).orElseThrow(() -> RuleViolation.notFound("repair application " + id));
        if (application.state() != State.PENDING) {
            throw RuleViolation.conflict("repair-decided", "Already decided",
                    "repair application " + id + " is already " + application.state());
        }
        return application;
    }
}
