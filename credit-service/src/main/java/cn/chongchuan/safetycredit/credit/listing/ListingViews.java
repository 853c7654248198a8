package cn.chongchuan.safetycredit.credit.listing;

import cn.chongchuan.safetycredit.credit.catalogue.CatalogueService;
import cn.chongchuan.safetycredit.credit.catalogue.domain.Criterion;
import cn.chongchuan.safetycredit.credit.listing.domain.Listing;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingDecision;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingState;
import cn.chongchuan.safetycredit.credit.listing.domain.ListingStateMachine;
import cn.chongchuan.safetycredit.credit.listing.domain.PartyNotice;
import cn.chongchuan.safetycredit.credit.subject.Person;
import cn.chongchuan.safetycredit.credit.subject.SubjectService;
import cn.chongchuan.safetycredit.credit.subject.Unit;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.List;

/** Builds {@link ListingView}s: names and codes of subjects (persons masked), basis, state as of today. */
@Component
public class ListingViews {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final ListingService listings;
    private final SubjectService subjects;
    private final CatalogueService catalogue;
    private final ListingProperties properties;
    private final JsonMapper json;

    ListingViews(ListingService listings, SubjectService subjects, CatalogueService catalogue,
            ListingProperties properties, JsonMapper json) {
        this.listings = listings;
        this.subjects = subjects;
        this.catalogue = catalogue;
        this.properties = properties;
        this.json = json;
    }

    /** The full view with linked listings and history. */
    public ListingView full(Listing row) {
        return view(row, true);
    }

    /** The view without history, for lists. */
    public ListingView brief(Listing row) {
        return view(row, false);
    }

    /** Name and display code of the subject: the USCC of a unit, the masked ID number of a person. */
    public String[] subjectNameAndCode(Listing row) {
        if (row.subject().isUnit()) {
            Unit unit = subjects.unit(row.subject().unitId());
            return new String[] {unit.name(), unit.uscc()};
        }
        Person person = subjects.person(row.subject().personId());
        return new String[] {person.name(), person.maskedIdNumber()};
    }

    private ListingView view(Listing row, boolean withHistory) {
        LocalDate today = listings.today();
        ListingState state = row.stateOn(today);
        String[] subject = subjectNameAndCode(row);
        Criterion criterion = catalogue.criterion(row.criterionCode()).orElseThrow();
        List<ListingView.Linked> linked = listings.linkedTo(row).stream()
                .map(l -> new ListingView.Linked(l.id(), l.subject().type(), subjectNameAndCode(l)[0], l.stateOn(today).name()))
                .toList();
        List<ListingView.HistoryEntry> history = withHistory
                ? listings.history(row.id()).stream().map(e -> new ListingView.HistoryEntry(e.kind(), e.fromState(),
                        e.toState(), e.actorDepartment(), e.actorRole(), e.occurredAt(), e.reason(),
                        e.evidence() == null ? List.of() : json.readValue(e.evidence(), STRINGS))).toList()
                : List.of();
        PartyNotice notice = row.notice();
        ListingDecision decision = row.decision();
        return new ListingView(row.id(), row.subject().type(), subject[0], subject[1], row.violationId(), criterion.code(),
                criterion.title(), row.departmentCode(), catalogue.departmentName(row.departmentCode()), state.name(),
                row.state().name(), row.proposedAt(),
                notice == null ? null : notice.date(), notice == null ? null : notice.servedOn(),
                notice == null || notice.method() == null ? null : notice.method().name(),
                notice == null ? null : notice.defenceDeadline(),
                decision == null ? null : decision.number(),
                decision == null ? null : decision.listedFrom(), decision == null ? null : decision.listedUntil(),
                decision == null ? null : decision.period().repairEligibleFrom(properties.repairAfterMonths()),
                row.endedOn(),
                ListingStateMachine.allowedFrom(state).stream().map(Enum::name).sorted().toList(),
                linked, history);
    }
}
