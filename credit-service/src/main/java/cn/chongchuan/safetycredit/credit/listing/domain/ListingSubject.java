package cn.chongchuan.safetycredit.credit.listing.domain;

/**
 * Whom a listing puts on the list: a unit (by its id) or a person (by its id), under the subject
 * key the check looks it up by (the USCC of a unit, the keyed hash of a person's ID number).
 */
public record ListingSubject(String type, String key, Long unitId, Long personId) {

    public static final String UNIT = "UNIT";
    public static final String PERSON = "PERSON";

    public static ListingSubject unit(String key, long unitId) {
        return new ListingSubject(UNIT, key, unitId, null);
    }

    public static ListingSubject person(String key, long personId) {
        return new ListingSubject(PERSON, key, null, personId);
    }

    public boolean isUnit() {
        return UNIT.equals(type);
    }

    /** The same subject under a new key (a person re-hashed under a new HMAC key). */
    public ListingSubject rekeyed(String newKey) {
        return new ListingSubject(type, newKey, unitId, personId);
    }
}
