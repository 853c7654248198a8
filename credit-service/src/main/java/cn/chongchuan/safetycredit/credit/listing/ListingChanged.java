package cn.chongchuan.safetycredit.credit.listing;

/**
 * Published (as a Spring application event, inside the transaction) whenever a listing of the
 * subject is created or changes state; listeners that must only see committed state (the check
 * cache) act after the commit.
 */
public record ListingChanged(String subjectKey, long listingId) {
}
