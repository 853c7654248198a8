package cn.chongchuan.safetycredit.credit.objection;

import cn.chongchuan.safetycredit.credit.listing.Actor;
import cn.chongchuan.safetycredit.credit.listing.ListingProperties;
import cn.chongchuan.safetycredit.credit.listing.ListingRow;
import cn.chongchuan.safetycredit.credit.listing.ListingService;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.web.Caller;
import org.springframework.http.HttpStatus;
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
    public Objection fileObjection(long listingId, String filedBy, String content, Caller caller) {
        ListingRow listing = listings.find(listingId);
        caller.requireOwns(listing.departmentCode(), "listing " + listingId);
        mapper.insert(new Objection(null, listingId, filedBy.strip(), content.strip(), caller.department(), clock.instant(),
                listings.today().plusDays(properties.objectionAnswerDays()), null, null, null, null));
        Objection filed = mapper.findLatest(listingId, caller.department()).orElseThrow();
        listings.recordInHistory(listingId, "OBJECTION_FILED", Actor.of(caller), "异议 #" + filed.id() + "（" + filed.filedBy()
                + "）：" + filed.content(), List.of());
        return filed;
    }

    @Transactional
    public Objection answerObjection(long id, String answer, String outcome, Caller caller) {
        Objection objection = mapper.lockById(id).orElseThrow(() -> ApiException.notFound("objection " + id));
        if (objection.answeredAt() != null) {
            throw new ApiException(HttpStatus.CONFLICT, "objection-answered", "Already answered",
                    "objection " + id + " was answered on " + objection.answeredAt());
        }
        mapper.answer(id, answer.strip(), outcome, caller.department(), clock.instant());
        listings.recordInHistory(objection.listingId(), "OBJECTION_ANSWERED", Actor.of(caller, "ADMIN"),
                "异议 #" + id + " " + outcome + "：" + answer.strip(), List.of());
        return mapper.findById(id).orElseThrow();
    }

    public List<ObjectionView> open(int limit) {
        return mapper.findOpen(limit).stream().map(this::view).toList();
    }

    public List<ObjectionView> ofListing(long listingId, Caller caller) {
        ListingRow listing = listings.find(listingId);
        caller.requireOwns(listing.departmentCode(), "listing " + listingId);
        return mapper.findByListing(listingId).stream().map(this::view).toList();
    }

    private ObjectionView view(Objection objection) {
        return new ObjectionView(objection, objection.answeredAt() == null && listings.today().isAfter(objection.answerDue()));
    }
}
