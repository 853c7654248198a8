package cn.chongchuan.safetycredit.credit.disclosure;

import cn.chongchuan.safetycredit.credit.listing.ListingService;
import cn.chongchuan.safetycredit.credit.subject.Person;
import cn.chongchuan.safetycredit.credit.subject.SubjectService;
import cn.chongchuan.safetycredit.credit.subject.domain.InvalidCodeException;
import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import cn.chongchuan.safetycredit.credit.subject.domain.UnifiedSocialCreditCode;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** The public blacklist: only entries on the list today, searchable by name or exact code, masked. */
@Service
public class DisclosureService {

    private final DisclosureMapper mapper;
    private final ListingService listings;
    private final SubjectService subjects;

    DisclosureService(DisclosureMapper mapper, ListingService listings, SubjectService subjects) {
        this.mapper = mapper;
        this.listings = listings;
        this.subjects = subjects;
    }

    /** One page of results with the total, in a stable order (newest decision first, then id). */
    public record Page(List<PublicListing> items, long total, int page, int size) {
    }

    public Page search(String name, String code, int page, int size) {
        Optional<String> key = subjectKey(code);
        if (code != null && !code.isBlank() && key.isEmpty()) {
            return new Page(List.of(), 0, page, size);
        }
        String escaped = name == null || name.isBlank() ? null : escapeLike(name.strip());
        return new Page(mapper.search(listings.today(), escaped, key.orElse(null), size, (long) page * size),
                mapper.count(listings.today(), escaped, key.orElse(null)), page, size);
    }

    /** An exact code is a USCC or an ID number; the ID number is only ever used through its keyed hash. */
    private Optional<String> subjectKey(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        ResidentIdNumber person;
        try {
            person = ResidentIdNumber.parse(code, "code");
        } catch (InvalidCodeException notAnIdNumber) {
            return Optional.of(SubjectService.unitKey(UnifiedSocialCreditCode.parseFormat(code, "code").value()));
        }
        return subjects.findPerson(person).map(Person::key);
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
