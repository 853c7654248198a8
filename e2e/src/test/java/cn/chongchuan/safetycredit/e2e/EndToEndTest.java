package cn.chongchuan.safetycredit.e2e;

import cn.chongchuan.safetycredit.devstack.GatewayClient;
import cn.chongchuan.safetycredit.devstack.PartnerStubs;
import cn.chongchuan.safetycredit.devstack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole loop through the gateway on the running system: enforcement records a violation, the
 * listing is proposed, notified and decided; the approval bureau's check says LISTED with its own
 * measures; every partner department receives a signed notice, acknowledges it and reports what
 * it applied; the case is complete; a repair is approved; end-of-sanction notices arrive; the check
 * says CLEAR.
 */
class EndToEndTest {

    // Made with the project's own CodeGenerator (seed 77); used by no other test.
    private static final String USCC = "91320602PLCKRGA99Q";
    static final String PRINCIPAL_ID = "32060219650103205X";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static Stack stack;

    @BeforeAll
    static void system() {
        stack = RunningStack.get();
    }

    @Test
    void aListingTravelsFromViolationToNoticesFeedbackRepairAndBackToClear() {
        GatewayClient enforcement = stack.as("AJJ");
        GatewayClient admin = stack.as("AWB");
        GatewayClient approval = stack.as("XZSPJ");

        // 1. The enforcement department records the penalty decision: the listing is proposed.
        JsonNode violation = enforcement.post("/api/v1/violations", """
                {"caseNumber":"崇应急罚〔2025〕E2E-1号","decisionNumber":"崇应急罚决〔2025〕E2E-1号",
                 "decisionDate":"%s","criterionCode":"OM11-03","description":"发生一般事故，被处以二倍罚款",
                 "fineAmount":600000,"accidentDate":"%s","accidentGrade":"GENERAL","fineMultiple":2,"especiallySerious":true,
                 "unit":{"uscc":"%s","name":"南通崇川端到端化工有限公司"},
                 "persons":[{"name":"端到端","idNumber":"%s","responsibility":"PRINCIPAL"}]}"""
                .formatted(TODAY.minusMonths(15), TODAY.minusMonths(17), USCC, PRINCIPAL_ID)).ok();
        long listing = violation.get("listings").get(0).get("listingId").asLong();
        assertThat(violation.get("listings").get(0).get("state").asString()).isEqualTo("PROPOSED");
        assertThat(approval.get("/api/v1/checks/" + USCC).ok().get("status").asString()).isEqualTo("PROPOSED");

        // 2. Notified, then decided after the defence period (both dated in the past, as recorded late
        //    from the paper file: the credit office confirms each date more than 30 days ago first).
        assertThat(enforcement.post("/api/v1/listings/" + listing + "/notice",
                "{\"noticeDate\":\"" + TODAY.minusMonths(14) + "\",\"servedOn\":\"" + TODAY.minusMonths(14) + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}")
                .status()).isEqualTo(409);
        admin.post("/api/v1/listings/" + listing + "/backdating-confirmations", "{\"step\":\"NOTICE\",\"date\":\""
                + TODAY.minusMonths(14) + "\",\"reason\":\"纸质案卷补录\"}").ok();
        admin.post("/api/v1/listings/" + listing + "/backdating-confirmations", "{\"step\":\"DECISION\",\"date\":\""
                + TODAY.minusMonths(13) + "\",\"reason\":\"纸质案卷补录\"}").ok();
        enforcement.post("/api/v1/listings/" + listing + "/notice",
                "{\"noticeDate\":\"" + TODAY.minusMonths(14) + "\",\"servedOn\":\"" + TODAY.minusMonths(14) + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}").ok();
        JsonNode decided = enforcement.post("/api/v1/listings/" + listing + "/decision",
                "{\"decisionNumber\":\"崇应急失信〔2025〕E2E号\",\"decisionDate\":\"" + TODAY.minusMonths(13) + "\"}").ok();
        assertThat(decided.get("state").asString()).isEqualTo("LISTED");

        // 3. The approval bureau's check: LISTED, with the basis and the bureau's own measures, signed.
        JsonNode check = approval.get("/api/v1/checks/" + USCC).ok();
        assertThat(check.get("status").asString()).isEqualTo("LISTED");
        assertThat(check.get("basis").get("decisionNumber").asString()).isEqualTo("崇应急失信〔2025〕E2E号");
        assertThat(check.get("measures").findValuesAsString("code")).isNotEmpty().allMatch(code -> code.contains("XZSPJ"));
        assertThat(check.get("receipt").get("signature").asString()).isNotBlank();

        // 4. Every department with a measure for units receives a signed notice at its endpoint.
        Set<String> partners = new TreeSet<>(approval.get("/api/v1/measures?subjectType=UNIT").ok()
                .findValuesAsString("department"));
        assertThat(partners).contains("XZSPJ", "FGW");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(departmentsNotified(listing, "SANCTION_START"))
                .containsAll(partners));
        assertThat(stack.partners().rejected()).isZero();

        // 5. Each department acknowledges and reports what it applied (响应、反馈).
        for (String department : partners) {
            GatewayClient partner = stack.as(department);
            JsonNode notice = noticeFor(partner, listing, "SANCTION_START");
            String id = notice.get("id").asString();
            partner.post("/api/v1/notices/" + id + "/ack", "{}").ok();
            List<String> outcomes = new ArrayList<>();
            for (JsonNode code : notice.get("measureCodes")) {
                outcomes.add("""
                        {"measureCode":"%s","outcome":"APPLIED","referenceNumber":"%s-E2E","date":"%s","note":"已落实"}"""
                        .formatted(code.asString(), department, TODAY));
            }
            partner.post("/api/v1/notices/" + id + "/feedback", "{\"outcomes\":[" + String.join(",", outcomes) + "]}").ok();
        }

        // 6. The case is complete: every department acknowledged and fed back.
        JsonNode sanctionCase = admin.get("/api/v1/cases/" + listing).ok();
        assertThat(sanctionCase.get("departments")).isNotEmpty();
        for (JsonNode progress : sanctionCase.get("departments")) {
            assertThat(progress.get("acknowledgedAt").isNull()).as(progress.toString()).isFalse();
            assertThat(progress.get("feedbackAt").isNull()).as(progress.toString()).isFalse();
        }

        // 7. The case's follow-up (一案五制): checklist reminder, the unit's commitment (which credit repair
        //    needs), a return visit, the typical-case warning; the other visits are overdue by now.
        long violationId = violation.get("id").asLong();
        String followUp = "/api/v1/violations/" + violationId + "/follow-up";
        enforcement.post(followUp + "/checklist-reminders", "{\"sentOn\":\"" + TODAY.minusMonths(15)
                + "\",\"channel\":\"POST\",\"items\":[\"CL-01\",\"CL-06\"]}").ok();
        enforcement.post(followUp + "/commitment", "{\"uscc\":\"" + USCC + "\",\"signedOn\":\"" + TODAY.minusMonths(14)
                + "\",\"text\":\"本单位承诺依法整改，不再发生同类违法行为\"}").ok();
        enforcement.post(followUp + "/visits/1", "{\"visitedOn\":\"" + TODAY.minusMonths(14)
                + "\",\"outcome\":\"RECTIFIED\"}").ok();
        admin.post(followUp + "/typical", "{\"warning\":\"事故后被处二倍罚款，警示同类企业落实主体责任\"}").ok();
        JsonNode casePage = enforcement.get(followUp).ok();
        assertThat(casePage.get("commitment").get("signedOn").asString()).isEqualTo(TODAY.minusMonths(14).toString());
        assertThat(casePage.get("visits").get(0).get("outcome").asString()).isEqualTo("RECTIFIED");
        assertThat(casePage.get("visits").get(1).get("overdue").asBoolean()).isTrue();
        assertThat(casePage.get("history").findValuesAsString("kind")).containsExactly("PLAN_OPENED", "CHECKLIST_SENT",
                "COMMITMENT_RECORDED", "VISIT_RECORDED", "MARKED_TYPICAL");
        assertThat(enforcement.get("/api/v1/follow-ups/overdue-visits?size=500").ok().valueStream()
                .map(v -> v.get("violationId").asLong())).contains(violationId);
        assertThat(stack.anonymous().get("/api/v1/public/typical-cases?size=50").ok().get("items")
                .findValuesAsString("uscc")).contains(USCC);

        // 8. After twelve months on the list the unit repairs its credit; the credit office approves.
        JsonNode repair = enforcement.post("/api/v1/listings/" + listing + "/repairs", """
                {"conditions":{"penaltyFulfilled":true,"rectified":true,"creditCommitment":true,"trainingCompleted":true},
                 "evidence":["罚款缴纳凭证","整改报告","信用承诺书","培训证明"]}""").ok();
        admin.post("/api/v1/repairs/" + repair.get("id").asLong() + "/approval", "{\"reason\":\"条件齐备\"}").ok();

        // 9. End-of-sanction notices reach the same departments; the check says CLEAR.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(departmentsNotified(listing, "SANCTION_END"))
                .containsAll(partners));
        JsonNode cleared = approval.get("/api/v1/checks/" + USCC).ok();
        assertThat(cleared.get("status").asString()).isEqualTo("CLEAR");
        assertThat(stack.anonymous().get("/api/v1/public/listings?code=" + USCC).ok().get("total").asLong()).isZero();
    }

    private static Set<String> departmentsNotified(long listing, String kind) {
        Set<String> departments = new TreeSet<>();
        for (PartnerStubs.Received received : stack.partners().received()) {
            if (received.listingId() == listing && kind.equals(received.kind())) {
                departments.add(received.department());
            }
        }
        return departments;
    }

    private static JsonNode noticeFor(GatewayClient partner, long listing, String kind) {
        for (JsonNode notice : partner.get("/api/v1/notices?limit=500").ok()) {
            if (notice.get("listingId").asLong() == listing && kind.equals(notice.get("kind").asString())) {
                return notice;
            }
        }
        throw new AssertionError("no " + kind + " notice for listing " + listing + " in the inbox");
    }
}
