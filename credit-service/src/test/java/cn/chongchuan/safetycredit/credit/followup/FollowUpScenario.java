package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.support.Backdating;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives cases and their follow-up through the API, with a fresh internal token on every request. */
final class FollowUpScenario {

    private final Http http;

    FollowUpScenario(Http http) {
        this.http = http;
    }

    static String ajj() {
        return TestTokens.bearer("AJJ", "ENFORCEMENT", "PARTNER");
    }

    /** Another enforcement department (the fire brigade). */
    static String xfdd() {
        return TestTokens.bearer("XFDD", "ENFORCEMENT", "PARTNER");
    }

    static String admin() {
        return TestTokens.bearer("AWB", "ADMIN");
    }

    static String approval() {
        return TestTokens.bearer("XZSPJ", "APPROVAL", "PARTNER");
    }

    /** A case recorded by 区应急管理局; returns the violation. */
    JsonNode violation(ViolationFixture fixture) {
        Http.Response created = http.postJson("/api/v1/violations", fixture.json(), "Authorization", ajj());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    Http.Response casePage(long violationId, String token) {
        return http.get("/api/v1/violations/" + violationId + "/follow-up", "Authorization", token);
    }

    Http.Response commit(long violationId, String uscc, LocalDate signedOn, String token) {
        return http.postJson("/api/v1/violations/" + violationId + "/follow-up/commitment",
                "{\"uscc\":\"" + uscc + "\",\"signedOn\":\"" + signedOn + "\",\"text\":\"本单位承诺依法整改，不再发生同类违法行为\","
                        + "\"documentRef\":\"承诺书 2026-" + violationId + "\"}", "Authorization", token);
    }

    Http.Response visit(long violationId, int n, LocalDate visitedOn, String outcome, String token) {
        return http.postJson("/api/v1/violations/" + violationId + "/follow-up/visits/" + n,
                "{\"visitedOn\":\"" + visitedOn + "\",\"outcome\":\"" + outcome + "\",\"note\":\"现场复查\"}",
                "Authorization", token);
    }

    /** Notifies and decides the listing (defence waived) on the given day. */
    void list(long listingId, LocalDate day) {
        Http.Response notified = Backdating.confirmedIfNeeded(http, listingId, "NOTICE", day, () -> http.postJson(
                "/api/v1/listings/" + listingId + "/notice",
                "{\"noticeDate\":\"" + day + "\",\"servedOn\":\"" + day + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}", "Authorization", ajj()));
        assertThat(notified.status()).as(notified.body()).isEqualTo(200);
        Http.Response decided = Backdating.confirmedIfNeeded(http, listingId, "DECISION", day, () -> http.postJson(
                "/api/v1/listings/" + listingId + "/decision",
                "{\"decisionNumber\":\"崇应急失信〔2026〕F" + listingId + "号\",\"decisionDate\":\"" + day
                        + "\",\"defenceWaived\":true,\"waiverReference\":\"放弃陈述申辩声明书（测试）\"}", "Authorization", ajj()));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    }

    static long id(JsonNode violation) {
        return violation.get("id").asLong();
    }

    static long unitListing(JsonNode violation) {
        return violation.get("listings").get(0).get("listingId").asLong();
    }
}
