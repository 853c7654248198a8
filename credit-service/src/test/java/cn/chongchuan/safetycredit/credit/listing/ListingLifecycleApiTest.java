package cn.chongchuan.safetycredit.credit.listing;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class ListingLifecycleApiTest {

    static final String AJJ = TestTokens.bearer("AJJ", "ENFORCEMENT", "PARTNER");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    Http http;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
        clock.set(Instant.now());
    }

    @Test
    void aViolationMeetingItsCriterionProposesLinkedListingsForUnitAndPrincipal() {
        Http.Response created = http.postJson("/api/v1/violations", aViolation().json(), "Authorization", AJJ);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode listings = created.json().get("listings");
        assertThat(listings).hasSize(2);
        assertThat(listings.findValuesAsString("subjectType")).containsExactly("UNIT", "PERSON");
        assertThat(listings.findValuesAsString("state")).containsOnly("PROPOSED");
        assertThat(created.body()).doesNotContainPattern("3206021975031\\d{4}");
    }

    @Test
    void enforcementTakesAUnitFromViolationToListedAndTheLinkIsKept() {
        JsonNode violation = http.postJson("/api/v1/violations", aViolation().json(), "Authorization", AJJ).json();
        long unitListing = violation.get("listings").get(0).get("listingId").asLong();
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));

        Http.Response notified = http.postJson("/api/v1/listings/" + unitListing + "/notice",
                "{\"noticeDate\":\"" + today + "\",\"servedOn\":\"" + today + "\",\"serviceMethod\":\"POSTAL\",\"reason\":\"拟列入告知\",\"evidence\":[\"行政处罚决定书\"]}", "Authorization", AJJ);
        assertThat(notified.status()).as(notified.body()).isEqualTo(200);
        assertThat(notified.json().get("state").asString()).isEqualTo("NOTIFIED");
        assertThat(notified.json().get("defenceDeadline").asString()).isNotBlank();

        Http.Response decided = http.postJson("/api/v1/listings/" + unitListing + "/decision",
                "{\"decisionNumber\":\"崇应急失信〔2026〕1号\",\"decisionDate\":\"" + today + "\",\"defenceWaived\":true,\"waiverReference\":\"放弃陈述申辩声明书（测试）\"}",
                "Authorization", AJJ);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        JsonNode listed = decided.json();
        assertThat(listed.get("state").asString()).isEqualTo("LISTED");
        assertThat(listed.get("listedUntil").asString()).isEqualTo(today.plusYears(3).toString());
        assertThat(listed.get("linked").get(0).get("subjectType").asString()).isEqualTo("PERSON");
        assertThat(listed.get("history").findValuesAsString("toState")).containsExactly("PROPOSED", "NOTIFIED", "LISTED");
    }
}
