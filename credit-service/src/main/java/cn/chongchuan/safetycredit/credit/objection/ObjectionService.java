package cn.chongchuan.safetycredit.credit.objection;

import cn.chongchuan.safetycredit.credit.listing.Actor;
import cn.chongchuan.safetycredit.credit.listing.ListingProperties;
import cn.chongchuan.safetycredit.credit.listing.ListingService;
import cn.chongchuan.safetycredit.platform.identity.Requester;
import cn.chongchuan.safetycredit.platform.persistence.GeneratedId;
import cn.chongchuan.safetycredit.platform.rule.RuleViolation;
import cn.chongchuan.safetycredit.platform.web.Paging;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/** Objections (异议) may be filed against a listing at any time and must be answered by the credit office. */
@Service
public class ObjectionService {

    private final ObjectionMapper mapper;
    private final ListingService listings;
    private final ListingProperties properties;
    private final Clock clock;

    ObjectionService(ObjectionMapper mapper, ListingService listings, ListingProperties properties, Clock clock) {
        this.mapper = mapper;
        this.listings = listings;
        this.properties = properties;
        this.clock = clock;
    }

    /** An objection with whether its answer is overdue today. */
    public record ObjectionView(Objection objection, boolean overdue) {
    }

    @Transactional
    public Objection fileObjection(long listingId, String filedBy, String content, Requester requester) {
        requireOwned(listingId, requester);
        GeneratedId id = new GeneratedId();
        mapper.insert(new Objection(null, listingId, filedBy.strip(), content.strip(), requester.department(), clock.instant(),
                listings.today().plusDays(properties.objectionAnswerDays()), null, null, null, null), id);
        Objection filed = mapper.findById(id.value()).orElseThrow();
        listings.recordInHistory(listingId, "OBJECTION_FILED", Actor.of(requester), "异议 #" + filed.id() + "（" + filed.filedBy()
                + "）：" + filed.content(), List.of());
        return filed;
    }

    @Transactional
    public Objection answerObjection(long id, String answer, String outcome, Requester requester) {
        Objection objection = mapper.lockById(id).orElseThrow(() -> RuleViolation.notFound("objection " + id));
        if (objection.answeredAt() != null) {
            throw RuleViolation.conflict("objection-answered", "Already answered",
                    "objection " + id + " was answered on " + objection.answeredAt());
        }
        mapper.answer(id, answer.strip(), outcome, requester.department(), clock.instant());
        listings.recordInHistory(objection.listingId(), "OBJECTION_ANSWERED", Actor.of(requester, Requester.ADMIN),
                "异议 #" + id + " " + outcome + "：" + answer.strip(), List.of());
        return mapper.findById(id).orElseThrow();
    }

    public List<ObjectionView> open(int page, int size) {
        return mapper.findOpen(size, Paging.offset(page, size)).stream().map(this::view).toList();
    }

    public List<ObjectionView> ofListing(long listingId, Requester requester) {
        requireOwned(listingId, requester);
        return mapper.findByListing(listingId).stream().map(this::view).toList();
    }

    /** Objections are the holding department's and the credit office's business; for anyone else the listing does not exist. */
    private void requireOwned(long listingId, Requester requester) {
        if (!requester.owns(listings.find(listingId).departmentCode())) {
            throw RuleViolation.notFound("listing " + listingId);
        }
    }

    private ObjectionView view(Objection objection) {
        return new ObjectionView(objection, objection.answeredAt() == null && listings.today().isAfter(objection.answerDue()));
    }
}
