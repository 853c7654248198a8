package cn.chongchuan.safetycredit.credit.disclosure;

import cn.chongchuan.safetycredit.credit.listing.ListingProperties;
import cn.chongchuan.safetycredit.credit.subject.domain.InvalidCodeException;
import cn.chongchuan.safetycredit.credit.subject.domain.ResidentIdNumber;
import cn.chongchuan.safetycredit.credit.subject.domain.SubjectName;
import cn.chongchuan.safetycredit.credit.subject.domain.UnifiedSocialCreditCode;
import cn.chongchuan.safetycredit.platform.problem.ApiException;
import cn.chongchuan.safetycredit.platform.web.Page;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** The public blacklist: only entries on the list today, searchable by name or exact USCC, persons masked. */
@Service
public class DisclosureService {

    private final DisclosureMapper mapper;
    private final Clock clock;
    private final ListingProperties listing;

    DisclosureService(DisclosureMapper mapper, Clock clock, ListingProperties listing) {
        this.mapper = mapper;
        this.clock = clock;
        this.listing = listing;
    }


    /**
     * Searches by name part or by USCC only; an ID number in either parameter is a 400 (see
     * {@link #unitCode}), so the public list never answers a question about a personal ID number.
     */
    public Page<PublicListing> search(String name, String code, int page, int size) {
        String uscc = unitCode(code);
        if (ResidentIdNumber.looksLike(name)) {
            throw ApiException.badField("q", "must be a name; personal ID numbers cannot be searched on the public list");
        }
        String escaped = name == null || name.isBlank() ? null : escapeLike(SubjectName.normalise(name));
        // The day is reckoned as the listing procedure reckons it (credit.listing.zone).
        LocalDate today = LocalDate.now(clock.withZone(listing.zone()));
        return Page.counted(mapper.search(today, escaped, uscc, size, (long) page * size),
                mapper.count(today, escaped, uscc), page, size);
    }

    /**
     * The USCC asked about, or null without a code. A code valid under GB 32100 is a unit,
     * even when it also passes the ID-number check (e.g. 911101192211154488). Any other ID-shaped
     * code is refused: the old exact-match lookup of persons confirmed a full ID number by probing
     * the birth dates behind the published mask (issue 13). Persons are asked about through the
     * keyed, audited person check. A well-formed pilot code whose check character fails is still
     * looked up as a unit (the credit office may have registered it).
     */
    private static String unitCode(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return UnifiedSocialCreditCode.parse(code, "code").value();
        } catch (InvalidCodeException notAValidUscc) {
            if (ResidentIdNumber.looksLike(code)) {
                throw ApiException.badField("code", "must be a 统一社会信用代码; personal ID numbers cannot be searched "
                        + "on the public list");
            }
            return UnifiedSocialCreditCode.parseFormat(code, "code").value();
        }
    }

    private static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
