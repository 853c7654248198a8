package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.support.Backdating;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives violations and listings through the API for the check tests, with a fresh internal token
 * on every request: tokens live 60 s and the check tests (the race, the outages) run longer.
 */
final class CheckScenario {

    private final Http http;

    CheckScenario(Http http) {
        this.http = http;
    }

    static String ajj() {
        return TestTokens.bearer("AJJ", "ENFORCEMENT", "PARTNER");
    }

    static String admin() {
        return TestTokens.bearer("AWB", "ADMIN");
    }

    static String xzspj() {
        return TestTokens.bearer("XZSPJ", "APPROVAL", "PARTNER");
    }

    static String approval(String department) {
        return TestTokens.bearer(department, "APPROVAL");
    }

    /** A recorded violation (criterion OM11-03) with its proposed unit and principal listings. */
    JsonNode violation(ViolationFixture fixture) {
        Http.Response created = http.postJson("/api/v1/violations", fixture.json(), "Authorization", ajj());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    /** Notifies and decides the listing (defence waived) on the given day. */
    void list(long listingId, LocalDate day) {
        Http.Response notified = Backdating.confirmedIfNeeded(http, listingId, "NOTICE", day, () -> http.postJson(
                "/api/v1/listings/" + listingId + "/notice",
                "{\"noticeDate\":\"" + day + "\",\"servedOn\":\"" + day + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}", "Authorization", ajj()));
        assertThat(notified.status()).as(notified.body()).isEqualTo(200);
        Http.Response decided = Backdating.confirmedIfNeeded(http, listingId, "DECISION", day, () -> http.postJson(
                "/api/v1/listings/" + listingId + "/decision",
                "{\"decisionNumber\":\"" + decisionNumber(listingId) + "\",\"decisionDate\":\"" + day
                        + "\",\"defenceWaived\":true,\"waiverReference\":\"放弃陈述申辩声明书（测试）\"}", "Authorization", ajj()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    }

    void revoke(long listingId) {
        Http.Response revoked = http.postJson("/api/v1/listings/" + listingId + "/revocation",
                "{\"reason\":\"错误列入\"}", "Authorization", admin());
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    }

    static String decisionNumber(long listingId) {
        return "崇应急失信〔2026〕" + listingId + "号";
    }

    static long unitListing(JsonNode violation) {
        return violation.get("listings").get(0).get("listingId").asLong();
    }

    static long personListing(JsonNode violation) {
        return violation.get("listings").get(1).get("listingId").asLong();
    }
}
