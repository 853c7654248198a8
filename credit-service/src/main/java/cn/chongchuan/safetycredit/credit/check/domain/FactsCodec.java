package cn.chongchuan.safetycredit.credit.check.domain;

import cn.chongchuan.safetycredit.credit.listing.domain.ListingState;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The compact text a cache entry holds: {@code <version>|} followed by one record per relevant
 * listing (fields split by U+001F, records by U+001E; dates as epoch days), then, only for a
 * subject under key supervision, U+001D and its from, until, department and case number. The
 * version comes first so the fill script can compare it without parsing the rest. Kept small on
 * purpose: a CLEAR subject costs a few bytes of value.
 */
public final class FactsCodec {

    private static final char FIELD = '\u001F';
    private static final char RECORD = '\u001E';
    private static final char SUPERVISION = '\u001D';

    private FactsCodec() {
    }

    public static String encode(SubjectFacts facts) {
        StringBuilder out = new StringBuilder(16 + facts.listings().size() * 48).append(facts.version()).append('|');
        for (int i = 0; i < facts.listings().size(); i++) {
            ListingFact l = facts.listings().get(i);
            if (i > 0) {
                out.append(RECORD);
            }
            out.append(l.listingId()).append(FIELD)
                    .append(code(l.state())).append(FIELD)
                    .append(clean(l.criterionCode())).append(FIELD)
                    .append(clean(l.department())).append(FIELD)
                    .append(l.listedFrom() == null ? "" : l.listedFrom().toEpochDay()).append(FIELD)
                    .append(l.listedUntil() == null ? "" : l.listedUntil().toEpochDay()).append(FIELD)
                    .append(clean(l.decisionNumber()));
        }
        KeySupervisionFact k = facts.keySupervision();
        if (k != null) {
            out.append(SUPERVISION).append(k.from().toEpochDay()).append(FIELD).append(k.until().toEpochDay())
                    .append(FIELD).append(clean(k.department())).append(FIELD).append(clean(k.caseNumber()));
        }
        return out.toString();
    }

    public static SubjectFacts decode(String subjectKey, String value) {
        int bar = value.indexOf('|');
        long version = Long.parseLong(value, 0, bar, 10);
        List<ListingFact> listings = new ArrayList<>(2);
        int supervision = value.indexOf(SUPERVISION, bar);
        int listingsEnd = supervision < 0 ? value.length() : supervision;
        if (bar + 1 < listingsEnd) {
            for (String record : value.substring(bar + 1, listingsEnd).split(String.valueOf(RECORD))) {
                String[] f = record.split(String.valueOf(FIELD), -1);
                listings.add(new ListingFact(Long.parseLong(f[0]), state(f[1]),
                        empty(f[2]), empty(f[3]), empty(f[6]),
                        f[4].isEmpty() ? null : LocalDate.ofEpochDay(Long.parseLong(f[4])),
                        f[5].isEmpty() ? null : LocalDate.ofEpochDay(Long.parseLong(f[5]))));
            }
        }
        KeySupervisionFact keySupervision = null;
        if (supervision >= 0) {
            String[] f = value.substring(supervision + 1).split(String.valueOf(FIELD), -1);
            keySupervision = new KeySupervisionFact(LocalDate.ofEpochDay(Long.parseLong(f[0])),
                    LocalDate.ofEpochDay(Long.parseLong(f[1])), empty(f[2]), empty(f[3]));
        }
        return new SubjectFacts(subjectKey, version, listings, keySupervision);
    }

    /** The version of an encoded entry (what the fill script compares). */
    public static long versionOf(String value) {
        return Long.parseLong(value, 0, value.indexOf('|'), 10);
    }

    /** One stable letter per state a cache entry can hold (never the enum's ordinal, which may move). */
    private static char code(ListingState state) {
        return switch (state) {
            case PROPOSED -> 'P';
            case NOTIFIED -> 'N';
            case LISTED -> 'L';
            case RESTORED -> 'R';
            default -> throw new IllegalArgumentException("a cache entry never holds a " + state + " listing");
        };
    }

    private static ListingState state(String code) {
        return switch (code) {
            case "P" -> ListingState.PROPOSED;
            case "N" -> ListingState.NOTIFIED;
            case "L" -> ListingState.LISTED;
            case "R" -> ListingState.RESTORED;
            default -> throw new IllegalArgumentException("unknown state code " + code);
        };
    }

    private static String clean(String text) {
        if (text == null) {
            return "";
        }
        return text.replace(FIELD, ' ').replace(RECORD, ' ').replace(SUPERVISION, ' ');
    }

    private static String empty(String text) {
        return text.isEmpty() ? null : text;
    }
}
