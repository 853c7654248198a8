package cn.chongchuan.safetycredit.sanction.testing;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.sanction.notice.ListingEvent;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Listing events as credit-service sends them (docs/contracts.md), built for tests. */
public final class ListingEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicLong LISTING_IDS = new AtomicLong(ThreadLocalRandom.current().nextLong(1, 1_000_000) * 1_000);

    private ListingEvents() {
    }

    /** A fresh listing id, unique within the test run. */
    public static long newListingId() {
        return LISTING_IDS.incrementAndGet();
    }

    /** Posts a new unit's listing as credit-service would (accepted: 202); returns its listing id. */
    public static long listUnit(Api api) {
        long listingId = newListingId();
        Http.Response response = api.post("/internal/v1/listing-events", aUnitListed(listingId).json(), Api.service());
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return listingId;
    }

    public static Builder aUnitListed(long listingId) {
        return new Builder().with("eventType", "LISTING_STARTED").with("cause", "LISTED").with("listingId", listingId)
                .with("subjectType", "UNIT").with("subjectKey", "U:91310110666007217T")
                .with("subjectName", "南通某某化工有限公司").with("subjectCode", "91310110666007217T");
    }

    public static Builder aPersonListed(long listingId) {
        return new Builder().with("eventType", "LISTING_STARTED").with("cause", "LISTED").with("listingId", listingId)
                .with("subjectType", "PERSON").with("subjectKey", "P:3f9a0c1b2d4e5f60718293a4b5c6d7e8f9012345678")
                .with("subjectName", "张某").with("subjectCode", "110105********002X");
    }

    public static Builder aListingEnded(long listingId, String subjectType, String cause) {
        Builder builder = "PERSON".equals(subjectType) ? aPersonListed(listingId) : aUnitListed(listingId);
        return builder.with("eventType", "LISTING_ENDED").with("cause", cause);
    }

    /** A listing event under construction. */
    public static final class Builder {

        private final Map<String, Object> fields = new LinkedHashMap<>();

        private Builder() {
            fields.put("eventId", UUID.randomUUID().toString());
            fields.put("occurredAt", Instant.now().toString());
            fields.put("sequence", LISTING_IDS.get());
            fields.put("criterionCode", "OM11-03");
            fields.put("criterionTitle", "受到安全生产法第一百一十四条规定的2至5倍罚款处罚");
            fields.put("decisionNumber", "崇应急失信〔2026〕3号");
            fields.put("decidingDepartment", "AJJ");
            fields.put("listedFrom", "2026-03-01");
            fields.put("listedUntil", "2029-03-01");
            fields.put("relatedListingIds", List.of());
        }

        public Builder with(String field, Object value) {
            fields.put(field, value);
            return this;
        }

        public Builder without(String field) {
            fields.remove(field);
            return this;
        }

        public String eventId() {
            return (String) fields.get("eventId");
        }

        public String json() {
            return JSON.writeValueAsString(fields);
        }

        /** The event as sanction-service reads it off the wire. */
        public ListingEvent event() {
            return JSON.readValue(json(), ListingEvent.class);
        }
    }
}
