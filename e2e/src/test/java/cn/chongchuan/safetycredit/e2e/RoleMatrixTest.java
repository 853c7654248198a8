package cn.chongchuan.safetycredit.e2e;

import cn.chongchuan.safetycredit.devstack.GatewayClient;
import cn.chongchuan.safetycredit.devstack.PartnerStubs;
import cn.chongchuan.safetycredit.devstack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every role × route cell of DESIGN §2 through the gateway on the running system: a role the route
 * allows gets past the role check (any answer but 401/403); every other role gets 403; a caller
 * without a key gets 401 (public routes excepted). Each key holds exactly one role. Request
 * bodies are valid, so that a refusal can only come from the role check. A role that passes still
 * sees only its own department's resources: another department's answers 404, as if absent.
 */
class RoleMatrixTest {

    private static final String PUBLIC = "PUBLIC";
    private static final List<String> ROLES = List.of("ADMIN", "APPROVAL", "ENFORCEMENT", "PARTNER", PUBLIC);

    private static final String NO_ID = "987654321";
    private static final String NO_NOTICE = UUID.randomUUID().toString();
    private static final String TODAY = LocalDate.now().toString();
    static final String PRINCIPAL_ID = "320602198109110390";

    /** One route: method, path, a valid body (or null), and the roles allowed. */
    record Route(String method, String path, String body, Set<String> allowed) {
    }

    private static Stack stack;

    @BeforeAll
    static void system() {
        stack = RunningStack.get();
    }

    static List<Route> routes() {
        Set<String> everyKey = Set.of("ADMIN", "APPROVAL", "ENFORCEMENT", "PARTNER");
        Set<String> enforcementOrAdmin = Set.of("ENFORCEMENT", "ADMIN");
        Set<String> admin = Set.of("ADMIN");
        Set<String> enforcement = Set.of("ENFORCEMENT");
        String reason = "{\"reason\":\"角色矩阵测试\"}";
        return List.of(
                new Route("GET", "/api/v1/public/listings", null, Set.of("ADMIN", "APPROVAL", "ENFORCEMENT", "PARTNER", PUBLIC)),
                new Route("GET", "/api/v1/me", null, everyKey),
                new Route("GET", "/api/v1/criteria", null, everyKey),
                new Route("POST", "/api/v1/criteria/suggestions",
                        "{\"accidentDate\":\"" + TODAY + "\",\"accidentGrade\":\"MAJOR\"}", enforcementOrAdmin),
                new Route("GET", "/api/v1/calendar/years", null, everyKey),
                new Route("GET", "/api/v1/calendar/years/2026", null, everyKey),
                // A made-up year far ahead: the ADMIN cell adds it (201), which no deadline of the run reaches.
                new Route("POST", "/api/v1/calendar/years", """
                        {"year":2096,"source":"角色矩阵测试","holidays":[{"name":"元旦","from":"2096-01-01","to":"2096-01-01"}]}""",
                        admin),
                new Route("POST", "/api/v1/violations", violation(), enforcement),
                new Route("GET", "/api/v1/violations/" + NO_ID, null, enforcementOrAdmin),
                new Route("POST", "/api/v1/violations/" + NO_ID + "/corrections", """
                        {"decisionNumber":"崇应急罚决〔2026〕1号","decisionDate":"%s","description":"更正",
                         "fineAmount":1000,"reason":"笔误"}""".formatted(TODAY), enforcement),
                new Route("GET", "/api/v1/violations/" + NO_ID + "/follow-up", null, enforcementOrAdmin),
                new Route("POST", "/api/v1/violations/" + NO_ID + "/follow-up/checklist-reminders",
                        "{\"sentOn\":\"" + TODAY + "\",\"channel\":\"POST\",\"items\":[\"CL-01\"]}", enforcementOrAdmin),
                new Route("POST", "/api/v1/violations/" + NO_ID + "/follow-up/commitment",
                        "{\"uscc\":\"91320602HF392KKGQ5\",\"signedOn\":\"" + TODAY + "\",\"text\":\"承诺整改\"}",
                        enforcementOrAdmin),
                new Route("POST", "/api/v1/violations/" + NO_ID + "/follow-up/visits/1",
                        "{\"visitedOn\":\"" + TODAY + "\",\"outcome\":\"RECTIFIED\"}", enforcementOrAdmin),
                new Route("POST", "/api/v1/violations/" + NO_ID + "/follow-up/typical", "{\"warning\":\"角色矩阵测试\"}", admin),
                new Route("POST", "/api/v1/violations/" + NO_ID + "/follow-up/typical/removal", reason, admin),
                new Route("GET", "/api/v1/follow-ups/overdue-visits", null, enforcementOrAdmin),
                new Route("GET", "/api/v1/follow-ups/key-supervision", null, enforcementOrAdmin),
                new Route("GET", "/api/v1/follow-ups/checklist-items", null, enforcementOrAdmin),
                new Route("GET", "/api/v1/follow-ups/repeat-report", null, enforcementOrAdmin),
                new Route("GET", "/api/v1/follow-ups/repeat-report.csv", null, enforcementOrAdmin),
                new Route("GET", "/api/v1/public/typical-cases", null, Set.of("ADMIN", "APPROVAL", "ENFORCEMENT", "PARTNER", PUBLIC)),
                new Route("GET", "/api/v1/listings", null, enforcementOrAdmin),
                new Route("GET", "/api/v1/listings/" + NO_ID, null, enforcementOrAdmin),
                new Route("POST", "/api/v1/listings/" + NO_ID + "/notice", "{\"noticeDate\":\"" + TODAY + "\",\"servedOn\":\"" + TODAY + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}", enforcement),
                new Route("POST", "/api/v1/listings/" + NO_ID + "/decision",
                        "{\"decisionNumber\":\"崇应急失信〔2026〕1号\",\"decisionDate\":\"" + TODAY + "\"}", enforcement),
                new Route("POST", "/api/v1/listings/" + NO_ID + "/backdating-confirmations", "{\"step\":\"NOTICE\",\"date\":\""
                        + LocalDate.now().minusDays(90) + "\",\"reason\":\"纸质案卷补录\"}", admin),
                new Route("GET", "/api/v1/listings/" + NO_ID + "/backdating-confirmations", null, enforcementOrAdmin),
                new Route("POST", "/api/v1/listings/" + NO_ID + "/drop", reason, enforcement),
                new Route("POST", "/api/v1/listings/" + NO_ID + "/revocation", reason, admin),
                new Route("POST", "/api/v1/listings/" + NO_ID + "/repairs", """
                        {"conditions":{"penaltyFulfilled":true,"rectified":true,"creditCommitment":true,"trainingCompleted":true}}""",
                        enforcementOrAdmin),
                new Route("GET", "/api/v1/repairs", null, admin),
                new Route("POST", "/api/v1/repairs/" + NO_ID + "/approval", reason, admin),
                new Route("POST", "/api/v1/repairs/" + NO_ID + "/rejection", reason, admin),
                new Route("POST", "/api/v1/repairs/" + NO_ID + "/revocation", reason, admin),
                new Route("POST", "/api/v1/listings/" + NO_ID + "/objections", "{\"filedBy\":\"某公司\",\"content\":\"异议\"}",
                        enforcementOrAdmin),
                new Route("GET", "/api/v1/listings/" + NO_ID + "/objections", null, enforcementOrAdmin),
                new Route("GET", "/api/v1/objections", null, admin),
                new Route("POST", "/api/v1/objections/" + NO_ID + "/answer", "{\"answer\":\"维持\",\"outcome\":\"REJECTED\"}", admin),
                new Route("GET", "/api/v1/subjects/units/91320602HF392KKGQ5", null, enforcementOrAdmin),
                new Route("POST", "/api/v1/subjects/units", "{\"uscc\":\"91320602HF392KKGQ5\",\"name\":\"角色矩阵测试公司\"}", admin),
                new Route("POST", "/api/v1/subjects/units/91320602HF392KKGQ5/name-changes",
                        "{\"name\":\"角色矩阵测试公司\",\"reason\":\"角色矩阵测试\"}", enforcementOrAdmin),
                new Route("GET", "/api/v1/subjects/persons/" + NO_ID, null, enforcementOrAdmin),
                new Route("POST", "/api/v1/subjects/persons/" + NO_ID + "/id-number-reveals", "{\"reason\":\"角色矩阵测试\"}",
                        admin),
                new Route("GET", "/api/v1/subjects/persons/" + NO_ID + "/id-number-reveals", null, admin),
                new Route("POST", "/api/v1/subjects/persons/" + NO_ID + "/name-changes",
                        "{\"name\":\"测试人\",\"reason\":\"角色矩阵测试\"}", enforcementOrAdmin),
                new Route("GET", "/api/v1/subjects/persons/hash-keys", null, admin),
                new Route("POST", "/api/v1/subjects/persons/hash-keys/rehash", "{\"limit\":1}", admin),
                new Route("GET", "/api/v1/subjects/persons/encryption-keys", null, admin),
                new Route("POST", "/api/v1/subjects/persons/encryption-keys/reencrypt", "{\"limit\":1}", admin),
                new Route("POST", "/api/v1/subjects/persons/search", "{\"idNumber\":\"" + PRINCIPAL_ID + "\"}", enforcementOrAdmin),
                new Route("GET", "/api/v1/checks/91320602HF392KKGQ5", null, Set.of("APPROVAL", "ADMIN")),
                new Route("POST", "/api/v1/checks", "{\"codes\":[\"91320602HF392KKGQ5\"]}", Set.of("APPROVAL", "ADMIN")),
                new Route("POST", "/api/v1/checks/single", "{\"code\":\"91320602HF392KKGQ5\"}", Set.of("APPROVAL", "ADMIN")),
                new Route("GET", "/api/v1/checks/receipts/" + NO_NOTICE, null, Set.of("APPROVAL", "ADMIN")),
                new Route("GET", "/api/v1/checks/audit", null, admin),
                new Route("POST", "/api/v1/checks/audit/search", "{\"code\":\"91320602HF392KKGQ5\"}", admin),
                new Route("GET", "/api/v1/changes?after=0&limit=10", null, Set.of("APPROVAL", "ADMIN")),
                new Route("GET", "/api/v1/changes/reads", null, admin),
                new Route("GET", "/api/v1/changes/watches", null, Set.of("APPROVAL")),
                new Route("POST", "/api/v1/changes/watches", "{\"reference\":\"ROLE-MATRIX-1\",\"code\":\"91320602HF392KKGQ5\"}",
                        Set.of("APPROVAL")),
                new Route("DELETE", "/api/v1/changes/watches/ROLE-MATRIX-NONE", null, Set.of("APPROVAL")),
                new Route("GET", "/api/v1/public/check-signing-key", null,
                        Set.of("ADMIN", "APPROVAL", "ENFORCEMENT", "PARTNER", PUBLIC)),
                new Route("GET", "/api/v1/public/listings.csv", null, Set.of("ADMIN", "APPROVAL", "ENFORCEMENT", "PARTNER", PUBLIC)),
                new Route("GET", "/api/v1/measures", null, everyKey),
                new Route("PUT", "/api/v1/measures/M-NOSUCH-01", """
                        {"title":"角色矩阵测试措施","department":"NOSUCH","legalBasis":"测试","subjectTypes":["UNIT"]}""", admin),
                new Route("GET", "/api/v1/departments/NOSUCH", null, admin),
                new Route("DELETE", "/api/v1/departments/NOSUCH/secrets/k-000000000000", null, admin),
                new Route("GET", "/api/v1/departments", null, admin),
                new Route("PUT", "/api/v1/departments/TESTX", "{\"name\":\"测试部门\",\"roles\":[\"PARTNER\"],\"enabled\":false}", admin),
                new Route("POST", "/api/v1/departments/NOSUCH/secrets", "{}", admin),
                new Route("POST", "/api/v1/departments/NOSUCH/ed25519-keys", "{}", admin),
                new Route("GET", "/api/v1/departments/NOSUCH/ed25519-keys", null, Set.of("PARTNER", "ADMIN")),
                new Route("DELETE", "/api/v1/departments/NOSUCH/ed25519-keys/pk-000000000000", null, admin),
                new Route("POST", "/api/v1/departments/NOSUCH/replay-dead", "{}", admin),
                new Route("GET", "/api/v1/departments/NOSUCH/endpoint", null, Set.of("PARTNER", "ADMIN")),
                new Route("GET", "/api/v1/departments/NOSUCH/endpoint/events", null, admin),
                new Route("POST", "/api/v1/departments/NOSUCH/endpoint/enable", "{}", admin),
                new Route("POST", "/api/v1/departments/NOSUCH/endpoint/disable", "{}", admin),
                new Route("GET", "/api/v1/departments/secret-encryption-keys", null, admin),
                new Route("POST", "/api/v1/departments/secret-encryption-keys/reencrypt", "{\"limit\":1}", admin),
                new Route("GET", "/api/v1/notices", null, Set.of("PARTNER", "ADMIN")),
                new Route("GET", "/api/v1/notices/" + NO_NOTICE, null, Set.of("PARTNER", "ADMIN")),
                new Route("POST", "/api/v1/notices/" + NO_NOTICE + "/ack", "{}", Set.of("PARTNER")),
                new Route("POST", "/api/v1/notices/" + NO_NOTICE + "/feedback",
                        "{\"outcomes\":[{\"measureCode\":\"M-XZSPJ-01\",\"outcome\":\"NOT_APPLICABLE\"}]}", Set.of("PARTNER")),
                new Route("GET", "/api/v1/notices/feed?after=0&limit=1", null, Set.of("PARTNER", "ADMIN")),
                new Route("POST", "/api/v1/notices/feed/ack", "{\"cursor\":\"0\"}", Set.of("PARTNER")),
                new Route("GET", "/api/v1/notices/feed/access", null, admin),
                new Route("GET", "/api/v1/notices/overdue", null, admin),
                new Route("GET", "/api/v1/notices/flagged", null, admin),
                new Route("GET", "/api/v1/notices/delivery-summary", null, admin),
                new Route("GET", "/api/v1/notices/delivery-history", null, admin),
                new Route("GET", "/api/v1/notices/" + NO_NOTICE + "/attempts", null, admin),
                new Route("POST", "/api/v1/notices/" + NO_NOTICE + "/replay", "{}", admin),
                new Route("GET", "/api/v1/cases/" + NO_ID, null, enforcementOrAdmin));
    }

    private static String violation() {
        return """
                {"caseNumber":"ROLE-MATRIX-%s","decisionNumber":"崇应急罚决〔2026〕矩阵号","decisionDate":"%s",
                 "criterionCode":"OM11-03","description":"角色矩阵测试","fineAmount":1000,%s
                 "unit":{"uscc":"91320602HF392KKGQ5","name":"角色矩阵测试公司"},
                 "persons":[{"name":"测试人","idNumber":"%s","responsibility":"PRINCIPAL"}]}"""
                .formatted(UUID.randomUUID(), TODAY, aggravatedAccident(LocalDate.now()), PRINCIPAL_ID);
    }

    /** The facts OM11-03 needs: an accident before the decision, fined 2 times, 情节特别严重、影响特别恶劣. */
    static String aggravatedAccident(LocalDate decided) {
        return "\"accidentDate\":\"" + decided.minusDays(30)
                + "\",\"accidentGrade\":\"GENERAL\",\"fineMultiple\":2,\"especiallySerious\":true,";
    }

    private static GatewayClient client(String role) {
        return switch (role) {
            case "ADMIN" -> stack.as(RunningStack.ONLY_ADMIN);
            case "APPROVAL" -> stack.as(RunningStack.ONLY_APPROVAL);
            case "ENFORCEMENT" -> stack.as(RunningStack.ONLY_ENFORCEMENT);
            case "PARTNER" -> stack.as(RunningStack.ONLY_PARTNER);
            default -> stack.anonymous();
        };
    }

    private static GatewayClient.Answer call(GatewayClient client, Route route) {
        return switch (route.method()) {
            case "GET" -> client.get(route.path());
            case "POST" -> client.post(route.path(), route.body());
            case "PUT" -> client.put(route.path(), route.body());
            case "DELETE" -> client.delete(route.path());
            default -> throw new IllegalArgumentException(route.method());
        };
    }

    @TestFactory
    List<DynamicTest> everyRoleOnEveryRoute() {
        List<DynamicTest> cells = new ArrayList<>();
        for (Route route : routes()) {
            for (String role : ROLES) {
                boolean allowed = route.allowed().contains(role);
                cells.add(DynamicTest.dynamicTest(route.method() + " " + route.path() + " as " + role
                        + (allowed ? " is allowed" : " is denied"), () -> {
                    GatewayClient.Answer answer = call(client(role), route);
                    if (allowed) {
                        assertThat(answer.status()).as(answer.raw()).isNotIn(401, 403);
                    } else if (PUBLIC.equals(role)) {
                        assertThat(answer.status()).as(answer.raw()).isEqualTo(401);
                    } else {
                        assertThat(answer.status()).as(answer.raw()).isEqualTo(403);
                    }
                    assertThat(answer.status()).as("no server error: " + answer.raw()).isLessThan(500);
                }));
            }
        }
        return cells;
    }

    /**
     * The ownership cells of sanction-service's reads: a LISTED unit, its notices delivered to the
     * stubs; then ZJJ (PARTNER only) asks for FGW's notice and inbox, and AJJ (ENFORCEMENT only) for
     * the case.
     */
    @TestFactory
    List<DynamicTest> anotherDepartmentsSanctionResourceIsNotFound() {
        long listing = listedUnit("91320602MA1RMX7T3M", "320602197805123019");
        await().atMost(Duration.ofSeconds(60)).until(() -> stack.partners().received().stream()
                .anyMatch(r -> r.listingId() == listing && r.department().equals("FGW")));
        String fgwNotice = stack.partners().received().stream()
                .filter(r -> r.listingId() == listing && r.department().equals("FGW"))
                .map(PartnerStubs.Received::noticeId).findFirst().orElseThrow();
        GatewayClient zjj = client("PARTNER");
        GatewayClient ajj = client("ENFORCEMENT");
        return List.of(
                DynamicTest.dynamicTest("GET /api/v1/notices/{FGW's notice} as PARTNER ZJJ is 404 as if absent", () -> {
                    GatewayClient.Answer foreign = zjj.get("/api/v1/notices/" + fgwNotice);
                    GatewayClient.Answer absent = zjj.get("/api/v1/notices/" + NO_NOTICE);
                    assertThat(foreign.status()).as(foreign.raw()).isEqualTo(404);
                    assertThat(foreign.body().get("type")).isEqualTo(absent.body().get("type"));
                }),
                DynamicTest.dynamicTest("GET /api/v1/notices?department=FGW as PARTNER ZJJ is 404", () ->
                        assertThat(zjj.get("/api/v1/notices?department=FGW").status()).isEqualTo(404)),
                DynamicTest.dynamicTest("GET /api/v1/notices/feed?department=FGW as PARTNER ZJJ is 404", () ->
                        assertThat(zjj.get("/api/v1/notices/feed?department=FGW").status()).isEqualTo(404)),
                DynamicTest.dynamicTest("POST /api/v1/notices/{FGW's notice}/ack as PARTNER ZJJ is 404", () ->
                        assertThat(zjj.post("/api/v1/notices/" + fgwNotice + "/ack", "{}").status()).isEqualTo(404)),
                DynamicTest.dynamicTest("GET /api/v1/cases/{listing} as ENFORCEMENT AJJ, which decided it, shows every department", () -> {
                    JsonNode sanctionCase = ajj.get("/api/v1/cases/" + listing).ok();
                    assertThat(sanctionCase.get("departments").findValuesAsString("department")).contains("AJJ", "FGW", "ZJJ");
                }),
                DynamicTest.dynamicTest("GET /api/v1/cases/{listing} as ENFORCEMENT ZJJ, which did not, shows only ZJJ's notices", () -> {
                    JsonNode sanctionCase = stack.as("ZJJ").get("/api/v1/cases/" + listing).ok();
                    assertThat(sanctionCase.get("departments").findValuesAsString("department")).containsOnly("ZJJ");
                }),

                DynamicTest.dynamicTest("GET /api/v1/cases/{listing} as ADMIN shows every department", () -> {
                    JsonNode sanctionCase = client("ADMIN").get("/api/v1/cases/" + listing).ok();
                    assertThat(sanctionCase.get("departments").findValuesAsString("department")).contains("AJJ", "FGW");
                }));
    }

    /**
     * The ownership cells of credit-service's reads: AJJ's case (violation, follow-up, listings,
     * objections, the person it names) asked for by ZJJ, another enforcement department, answers
     * exactly as an id that does not exist; AJJ itself and ADMIN read it.
     */
    @TestFactory
    List<DynamicTest> anotherDepartmentsCreditResourceIsNotFound() {
        JsonNode violation = stack.as("AJJ").post("/api/v1/violations", """
                {"caseNumber":"ROLE-MATRIX-CREDIT-%s","decisionNumber":"崇应急罚决〔2026〕矩阵信用号","decisionDate":"%s",
                 "criterionCode":"OM11-03","description":"角色矩阵信用归属测试","fineAmount":1000,%s
                 "unit":{"uscc":"9132060230FUPXJMAY","name":"角色矩阵信用归属测试公司"},
                 "persons":[{"name":"信用归属","idNumber":"%s","responsibility":"PRINCIPAL"}]}"""
                .formatted(UUID.randomUUID(), TODAY, aggravatedAccident(LocalDate.now()),
                        IdNumbersInLogsTest.randomIdNumber())).ok();
        long violationId = violation.get("id").asLong();
        long listingId = violation.get("listings").get(0).get("listingId").asLong();
        String personId = violation.get("persons").get(0).get("personId").asString();
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("/api/v1/violations/" + violationId, "/api/v1/violations/" + NO_ID);
        reads.put("/api/v1/violations/" + violationId + "/follow-up", "/api/v1/violations/" + NO_ID + "/follow-up");
        reads.put("/api/v1/listings/" + listingId, "/api/v1/listings/" + NO_ID);
        reads.put("/api/v1/listings/" + listingId + "/objections", "/api/v1/listings/" + NO_ID + "/objections");
        reads.put("/api/v1/subjects/persons/" + personId, "/api/v1/subjects/persons/" + UUID.randomUUID());
        GatewayClient zjj = stack.as("ZJJ");
        List<DynamicTest> cells = new ArrayList<>();
        reads.forEach((own, absent) -> {
            cells.add(DynamicTest.dynamicTest("GET " + own.replaceAll("/[0-9a-f-]{6,}|/\\d+", "/{AJJ's}")
                    + " as ENFORCEMENT ZJJ is 404 as if absent", () -> {
                GatewayClient.Answer foreign = zjj.get(own);
                GatewayClient.Answer missing = zjj.get(absent);
                assertThat(foreign.status()).as(foreign.raw()).isEqualTo(404);
                assertThat(missing.status()).as(missing.raw()).isEqualTo(404);
                assertThat(foreign.body().get("type")).isEqualTo(missing.body().get("type"));
            }));
            cells.add(DynamicTest.dynamicTest("GET " + own.replaceAll("/[0-9a-f-]{6,}|/\\d+", "/{AJJ's}")
                    + " as AJJ and as ADMIN is 200", () -> {
                assertThat(stack.as("AJJ").get(own).status()).isEqualTo(200);
                assertThat(client("ADMIN").get(own).status()).isEqualTo(200);
            }));
        });
        return cells;
    }

    /**
     * The competence cells (issue 12, point 4): 住建局 records a violation under 应急管理部令第11号; the
     * listing goes to 应急管理局, which the Order gives the power to decide. 住建局 sees the listing it
     * referred but may not decide it (403); a department with no part in the case gets 404 as ever.
     */
    @TestFactory
    List<DynamicTest> aListingOfAnotherDepartmentsCaseIsDecidedByTheCompetentOne() {
        JsonNode violation = stack.as("ZJJ").post("/api/v1/violations", """
                {"caseNumber":"ROLE-MATRIX-REFERRAL-%s","decisionNumber":"崇住建罚决〔2026〕矩阵移送号","decisionDate":"%s",
                 "criterionCode":"OM11-03","description":"角色矩阵移送测试","fineAmount":1000,%s
                 "unit":{"uscc":"91320602NXAA5D0LXC","name":"角色矩阵移送测试公司"},
                 "persons":[{"name":"移送测试","idNumber":"%s","responsibility":"PRINCIPAL"}]}"""
                .formatted(UUID.randomUUID(), TODAY, aggravatedAccident(LocalDate.now()),
                        IdNumbersInLogsTest.randomIdNumber())).ok();
        long listing = violation.get("listings").get(0).get("listingId").asLong();
        String notice = "{\"noticeDate\":\"" + TODAY + "\",\"servedOn\":\"" + TODAY + "\",\"serviceMethod\":\"DIRECT\","
                + "\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}";
        return List.of(
                DynamicTest.dynamicTest("a listing of ZJJ's case is held by AJJ", () ->
                        assertThat(violation.get("listings").findValuesAsString("department")).containsOnly("AJJ")),
                DynamicTest.dynamicTest("GET /api/v1/listings/{referred} as ENFORCEMENT ZJJ, which referred it, is 200", () ->
                        assertThat(stack.as("ZJJ").get("/api/v1/listings/" + listing).status()).isEqualTo(200)),
                DynamicTest.dynamicTest("POST /api/v1/listings/{referred}/notice as ENFORCEMENT ZJJ is 403 not-competent-department", () -> {
                    GatewayClient.Answer refused = stack.as("ZJJ").post("/api/v1/listings/" + listing + "/notice", notice);
                    assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
                    assertThat(refused.body().get("type").asString()).isEqualTo("/problems/not-competent-department");
                }),
                DynamicTest.dynamicTest("GET /api/v1/listings/{referred} as ENFORCEMENT XFDD, no part of it, is 404", () ->
                        assertThat(stack.as("XFDD").get("/api/v1/listings/" + listing).status()).isEqualTo(404)),
                DynamicTest.dynamicTest("POST /api/v1/listings/{referred}/notice as ENFORCEMENT AJJ, competent, is 200", () ->
                        assertThat(stack.as("AJJ").post("/api/v1/listings/" + listing + "/notice", notice).status())
                                .isEqualTo(200)));
    }

    /** A unit listed through the procedure (recorded late, so the defence period is over). */
    private static long listedUnit(String uscc, String principalId) {
        GatewayClient enforcement = stack.as("AJJ");
        JsonNode violation = enforcement.post("/api/v1/violations", """
                {"caseNumber":"ROLE-MATRIX-OWN-%s","decisionNumber":"崇应急罚决〔2025〕矩阵归属号","decisionDate":"%s",
                 "criterionCode":"OM11-03","description":"角色矩阵归属测试","fineAmount":1000,%s
                 "unit":{"uscc":"%s","name":"角色矩阵归属测试公司"},
                 "persons":[{"name":"归属测试","idNumber":"%s","responsibility":"PRINCIPAL"}]}"""
                .formatted(UUID.randomUUID(), LocalDate.now().minusMonths(15),
                        aggravatedAccident(LocalDate.now().minusMonths(15)), uscc, principalId)).ok();
        long listing = violation.get("listings").get(0).get("listingId").asLong();
        // Dated more than 30 days ago: the credit office confirms each date first.
        GatewayClient admin = stack.as("AWB");
        admin.post("/api/v1/listings/" + listing + "/backdating-confirmations", "{\"step\":\"NOTICE\",\"date\":\""
                + LocalDate.now().minusMonths(14) + "\",\"reason\":\"纸质案卷补录\"}").ok();
        admin.post("/api/v1/listings/" + listing + "/backdating-confirmations", "{\"step\":\"DECISION\",\"date\":\""
                + LocalDate.now().minusMonths(13) + "\",\"reason\":\"纸质案卷补录\"}").ok();
        enforcement.post("/api/v1/listings/" + listing + "/notice",
                "{\"noticeDate\":\"" + LocalDate.now().minusMonths(14) + "\",\"servedOn\":\"" + LocalDate.now().minusMonths(14) + "\",\"serviceMethod\":\"DIRECT\",\"reason\":\"拟列入严重失信主体名单告知\",\"evidence\":[\"行政处罚决定书\"]}").ok();
        enforcement.post("/api/v1/listings/" + listing + "/decision", "{\"decisionNumber\":\"崇应急失信〔2025〕矩阵归属号\","
                + "\"decisionDate\":\"" + LocalDate.now().minusMonths(13) + "\"}").ok();
        return listing;
    }
}
