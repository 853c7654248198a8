package cn.chongchuan.safetycredit.credit.support;

import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives the listing procedure through the API, as an enforcement department would. */
public final class Scenario {

    public static final String AJJ = TestTokens.bearer("AJJ", "ENFORCEMENT", "PARTNER");
    public static final String ADMIN = TestTokens.bearer("AWB", "ADMIN");

    private final Http http;

    public Scenario(Http http) {
        this.http = http;
    }

    /** A recorded violation (criterion OM11-03) with its proposed unit and principal listings. */
    public JsonNode violation(ViolationFixture fixture) {
        Http.Response created = http.postJson("/api/v1/violations", fixture.json(), "Authorization", AJJ);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** Notifies and decides the listing (defence waived) on the given day; returns the listing view. */
    public JsonNode list(long listingId, LocalDate day) {
        Http.Response notified = Backdating.confirmedIfNeeded(http, listingId, "NOTICE", day, () -> http.postJson(
                "/api/v1/listings/" + listingId + "/notice",
                "{\"noticeDate\":\"" + day + "\",\"servedOn\":\"" + day + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}", "Authorization", AJJ));
        assertThat(notified.status()).as(notified.body()).isEqualTo(200);
        Http.Response decided = decide(listingId, day, true);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        return decided.json();
    }

    public Http.Response decide(long listingId, LocalDate day, boolean defenceWaived) {
        return Backdating.confirmedIfNeeded(http, listingId, "DECISION", day, () -> http.postJson(
                "/api/v1/listings/" + listingId + "/decision",
                "{\"decisionNumber\":\"崇应急失信〔2026〕" + listingId + "号\",\"decisionDate\":\"" + day
                        + "\",\"defenceWaived\":" + defenceWaived
                        + (defenceWaived ? ",\"waiverReference\":\"放弃陈述申辩声明书（测试）\"" : "") + "}", "Authorization", AJJ));
    }

    public static long unitListing(JsonNode violation) {
        return violation.get("listings").get(0).get("listingId").asLong();
    }

    public static long personListing(JsonNode violation) {
        return violation.get("listings").get(1).get("listingId").asLong();
    }
}
