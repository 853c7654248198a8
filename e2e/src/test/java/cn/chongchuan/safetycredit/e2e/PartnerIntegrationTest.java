package cn.chongchuan.safetycredit.e2e;

import cn.chongchuan.safetycredit.devstack.GatewayClient;
import cn.chongchuan.safetycredit.devstack.PartnerStubs;
import cn.chongchuan.safetycredit.devstack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/partner-integration.md on the running system, through the gateway with the departments' own
 * keys: a listing's notice pushed to a department's endpoint is the notice its pull feed gives
 * (same id, same body, a signature the partner's own check accepts), a long-polling read passes the
 * gateway, and the approval bureau's changes feed reports the listing and its revocation under the
 * bureau's own reference, naming the person only by keyed hash.
 */
class PartnerIntegrationTest {

    // Check characters computed per GB 32100 and GB 11643; used by no other test.
    private static final String USCC = "91320602JJDX5E8JXE";
    private static final String PRINCIPAL_ID = "320602197203151004";
    private static final String REFERENCE = "SP-E2E-0020";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Stack stack;

    @BeforeAll
    static void system() {
        stack = RunningStack.get();
    }

    @Test
    void aPushedNoticeIsThePulledOneAndTheChangesFeedTellsTheApprovalSystem() {
        GatewayClient enforcement = stack.as("AJJ");
        GatewayClient admin = stack.as("AWB");
        GatewayClient approval = stack.as("XZSPJ");
        GatewayClient partner = stack.as("FGW");

        // The approval system knows where the changes feed stands, and watches the unit it approved.
        String since = changesUpToNow(approval);
        GatewayClient.Answer watch = approval.post("/api/v1/changes/watches",
                "{\"reference\":\"" + REFERENCE + "\",\"code\":\"" + USCC + "\"}");
        assertThat(watch.status()).as(watch.raw()).isEqualTo(201);

        long listing = listUnit(enforcement, admin);

        // Push: the department's endpoint accepted the SANCTION_START notice (its signature verified).
        PartnerStubs.Received pushed = await().atMost(Duration.ofSeconds(60))
                .until(() -> received("FGW", listing, "SANCTION_START"), Optional::isPresent).orElseThrow();

        // Pull: the same notice in the department's feed, the same body, and the check the endpoint
        // applies to pushes accepts it.
        JsonNode pulled = feedItem(partner, pushed.noticeId());
        byte[] body = pulled.get("body").asString().getBytes(StandardCharsets.UTF_8);
        assertThat(JSON.readTree(body)).isEqualTo(pushed.body());
        JsonNode headers = pulled.get("headers");
        assertThat(headers.get("webhook-id").asString()).isEqualTo(pushed.noticeId());
        assertThat(stack.partners().verifies("FGW", headers.get("webhook-id").asString(),
                headers.get("webhook-timestamp").asString(), headers.get("webhook-signature").asString(), body))
                .isTrue();
        assertThat(stack.partners().verifies("XZSPJ", headers.get("webhook-id").asString(),
                headers.get("webhook-timestamp").asString(), headers.get("webhook-signature").asString(), body))
                .as("another department's keys").isFalse();

        // A long-polling read with nothing new comes back through the gateway, empty, at its cursor.
        String end = partner.get("/api/v1/notices/feed?after=" + pulled.get("cursor").asString() + "&limit=500").ok()
                .get("nextCursor").asString();
        JsonNode waited = partner.get("/api/v1/notices/feed?after=" + end + "&wait=2").ok();
        assertThat(waited.get("items")).isEmpty();
        assertThat(waited.get("nextCursor").asString()).isEqualTo(end);

        // The credit office revokes the listing: the changes feed has the whole story, in order.
        admin.post("/api/v1/listings/" + listing + "/revocation", "{\"reason\":\"复议撤销\"}").ok();
        GatewayClient.Answer watched = approval.get("/api/v1/changes?watched=true&limit=1000&after=" + since);
        assertThat(watched.raw()).doesNotContain(PRINCIPAL_ID).doesNotContain("19720315");
        List<String> unitChanges = new ArrayList<>();
        for (JsonNode item : watched.ok().get("items")) {
            if (USCC.equals(item.get("subject").asString()) && item.path("listingId").asLong() == listing) {
                assertThat(item.get("references").valueStream().map(JsonNode::asString)).containsExactly(REFERENCE);
                unitChanges.add(item.get("change").asString() + "→" + item.get("status").asString());
            }
        }
        assertThat(unitChanges).containsExactly("PROPOSED→PROPOSED", "NOTIFIED→PROPOSED", "LISTED→LISTED",
                "REVOKED→CLEAR");
        // The principal's own listing is in the feed too, by keyed hash only.
        GatewayClient.Answer all = approval.get("/api/v1/changes?limit=1000&after=" + since);
        assertThat(all.raw()).doesNotContain(PRINCIPAL_ID).doesNotContain("19720315");
        assertThat(all.ok().get("items").valueStream().filter(i -> "PERSON".equals(i.get("subjectType").asString()))
                .map(i -> i.get("subject").asString())).isNotEmpty().allMatch(subject -> subject.startsWith("P:"));
    }

    /** The changes feed read to its end; returns the cursor to read on from. */
    private static String changesUpToNow(GatewayClient approval) {
        String cursor = "0";
        while (true) {
            JsonNode page = approval.get("/api/v1/changes?limit=1000&after=" + cursor).ok();
            String next = page.get("nextCursor").asString();
            if (next.equals(cursor)) {
                return cursor;
            }
            cursor = next;
        }
    }

    /** The department's feed item of a notice, read from the start of the feed page by page. */
    private static JsonNode feedItem(GatewayClient partner, String noticeId) {
        String cursor = "0";
        while (true) {
            JsonNode page = partner.get("/api/v1/notices/feed?limit=500&after=" + cursor).ok();
            for (JsonNode item : page.get("items")) {
                if (noticeId.equals(item.get("noticeId").asString())) {
                    return item;
                }
            }
            String next = page.get("nextCursor").asString();
            if (next.equals(cursor)) {
                throw new AssertionError("notice " + noticeId + " is not in the department's feed");
            }
            cursor = next;
        }
    }

    private static Optional<PartnerStubs.Received> received(String department, long listing, String kind) {
        return stack.partners().received(department).stream()
                .filter(r -> r.listingId() == listing && kind.equals(r.kind())).findFirst();
    }

    /** A violation recorded late from the paper file, notified and decided: the unit and its principal listed. */
    private static long listUnit(GatewayClient enforcement, GatewayClient admin) {
        JsonNode violation = enforcement.post("/api/v1/violations", """
                {"caseNumber":"崇应急罚〔2025〕PI-1号","decisionNumber":"崇应急罚决〔2025〕PI-1号",
                 "decisionDate":"%s","criterionCode":"OM11-03","description":"发生一般事故，被处以二倍罚款",
                 "fineAmount":600000,"accidentDate":"%s","accidentGrade":"GENERAL","fineMultiple":2,"especiallySerious":true,
                 "unit":{"uscc":"%s","name":"南通崇川对接测试化工有限公司"},
                 "persons":[{"name":"对接测","idNumber":"%s","responsibility":"PRINCIPAL"}]}"""
                .formatted(TODAY.minusMonths(4), TODAY.minusMonths(5), USCC, PRINCIPAL_ID)).ok();
        long listing = violation.get("listings").get(0).get("listingId").asLong();
        admin.post("/api/v1/listings/" + listing + "/backdating-confirmations", "{\"step\":\"NOTICE\",\"date\":\""
                + TODAY.minusMonths(3) + "\",\"reason\":\"纸质案卷补录\"}").ok();
        admin.post("/api/v1/listings/" + listing + "/backdating-confirmations", "{\"step\":\"DECISION\",\"date\":\""
                + TODAY.minusMonths(2) + "\",\"reason\":\"纸质案卷补录\"}").ok();
        enforcement.post("/api/v1/listings/" + listing + "/notice", "{\"noticeDate\":\"" + TODAY.minusMonths(3)
                + "\",\"servedOn\":\"" + TODAY.minusMonths(3)
                + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}").ok();
        JsonNode decided = enforcement.post("/api/v1/listings/" + listing + "/decision",
                "{\"decisionNumber\":\"崇应急失信〔2025〕PI号\",\"decisionDate\":\"" + TODAY.minusMonths(2) + "\"}").ok();
        assertThat(decided.get("state").asString()).isEqualTo("LISTED");
        return listing;
    }
}
