package cn.chongchuan.safetycredit.credit.subject;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.credit.support.Scenario;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.token.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static cn.chongchuan.safetycredit.credit.support.Scenario.ADMIN;
import static cn.chongchuan.safetycredit.credit.support.Scenario.AJJ;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13: registered names, opaque person ids, and what one department sees of another's cases. */
@ServiceTest
class SubjectApiTest {

    static final String ZJJ = TestTokens.bearer("ZJJ", "ENFORCEMENT", "PARTNER");

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    Http http;
    Scenario scenario;

    @BeforeEach
    void setUp() {
        clock.set(Instant.now());
        http = Http.local(port);
        scenario = new Scenario(http);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private JsonNode recordAs(String token, ViolationFixture fixture) {
        Http.Response created = http.postJson("/api/v1/violations", fixture.json(), "Authorization", token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private JsonNode publicEntry(String uscc) {
        JsonNode page = http.getPublic("/api/v1/public/listings?code=" + uscc).json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        return page.get("items").get(0);
    }

    private static String firstError(Http.Response response) {
        return response.json().get("errors").get(0).get("field").asString();
    }

    @Test
    void aViolationOfAnotherDepartmentNamingAListedUnitDoesNotRenameIt() {
        String uscc = ViolationFixture.CODES.uscc("320602");
        String name = "崇川化工有限公司" + System.nanoTime() % 1_000_000_000L;
        JsonNode violation = scenario.violation(aViolation().unit(uscc, name));
        scenario.list(Scenario.unitListing(violation), today());

        JsonNode other = recordAs(ZJJ, aViolation().unit(uscc, "冒名改名公司"));

        assertThat(publicEntry(uscc).get("name").asString()).isEqualTo(name);
        assertThat(http.get("/api/v1/subjects/units/" + uscc, "Authorization", ADMIN).json().get("unit").get("name")
                .asString()).isEqualTo(name);
        assertThat(other.get("unit").get("name").asString()).as("the case keeps the name it states").isEqualTo("冒名改名公司");
        assertThat(other.get("unit").get("registeredName").asString()).isEqualTo(name);
        JsonNode listing = http.get("/api/v1/listings/" + Scenario.unitListing(violation), "Authorization", AJJ).json();
        assertThat(listing.get("subjectName").asString()).isEqualTo(name);
    }

    @Test
    void aViolationNamingAKnownPersonWithAnotherNameKeepsTheRegisteredNameAndTheCaseKeepsItsOwn() {
        String idNumber = ViolationFixture.aResidentId();
        JsonNode first = scenario.violation(aViolation().withoutPersons().withPrincipal("李四", idNumber));
        JsonNode second = recordAs(ZJJ, aViolation().withoutPersons().withPrincipal("李肆", idNumber));

        String personId = first.get("persons").get(0).get("personId").asString();
        assertThat(second.get("persons").get(0).get("name").asString()).isEqualTo("李肆");
        assertThat(second.get("persons").get(0).get("personId").asString()).isEqualTo(personId);
        assertThat(http.get("/api/v1/subjects/persons/" + personId, "Authorization", ADMIN).json().get("name")
                .asString()).isEqualTo("李四");
    }

    @Test
    void theDecidingDepartmentRenamesAUnitWithAReasonAndTheChangeIsAudited() {
        String uscc = ViolationFixture.CODES.uscc("320602");
        String name = "改名前有限公司" + System.nanoTime() % 1_000_000_000L;
        JsonNode violation = scenario.violation(aViolation().unit(uscc, name));
        scenario.list(Scenario.unitListing(violation), today());

        Http.Response renamed = http.postJson("/api/v1/subjects/units/" + uscc + "/name-changes",
                "{\"name\":\"改名后有限公司\",\"reason\":\"营业执照变更（南通市崇川区市场监督管理局 2026-03-01）\"}",
                "Authorization", AJJ);

        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(publicEntry(uscc).get("name").asString()).isEqualTo("改名后有限公司");
        JsonNode history = http.get("/api/v1/subjects/units/" + uscc, "Authorization", ADMIN).json().get("nameHistory");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("oldName").asString()).isEqualTo(name);
        assertThat(history.get(0).get("newName").asString()).isEqualTo("改名后有限公司");
        assertThat(history.get(0).get("reason").asString()).startsWith("营业执照变更");
        assertThat(history.get(0).get("actorDepartment").asString()).isEqualTo("AJJ");
        assertThat(history.get(0).get("changedAt").isNull()).isFalse();
        assertThat(http.get("/api/v1/violations/" + violation.get("id").asLong(), "Authorization", AJJ).json()
                .get("unit").get("name").asString()).as("the case keeps the name it stated").isEqualTo(name);
    }

    @Test
    void onlyTheCreditOfficeOrTheDepartmentThatDecidedAListingMayRenameASubject() {
        String uscc = ViolationFixture.CODES.uscc("320602");
        String idNumber = ViolationFixture.aResidentId();
        String name = "他人单位" + System.nanoTime() % 1_000_000_000L;
        JsonNode violation = scenario.violation(aViolation().unit(uscc, name).withoutPersons().withPrincipal("张三", idNumber));
        scenario.list(Scenario.unitListing(violation), today());
        String personId = violation.get("persons").get(0).get("personId").asString();
        String body = "{\"name\":\"新名称\",\"reason\":\"营业执照变更\"}";
        String unitPath = "/api/v1/subjects/units/" + uscc + "/name-changes";
        String personPath = "/api/v1/subjects/persons/" + personId + "/name-changes";

        Http.Response withoutACase = http.postJson(unitPath, body, "Authorization", ZJJ);
        // Any enforcement department may record a case of any unit; that does not make the name theirs.
        recordAs(ZJJ, aViolation().unit(uscc, name).withoutPersons().withPrincipal("张三", idNumber));
        Http.Response withACase = http.postJson(unitPath, body, "Authorization", ZJJ);
        Http.Response personWithACase = http.postJson(personPath, body, "Authorization", ZJJ);
        Http.Response byAdmin = http.postJson(unitPath, body, "Authorization", ADMIN);
        Http.Response personByAdmin = http.postJson(personPath, "{\"name\":\"张叁\",\"reason\":\"户籍姓名变更\"}",
                "Authorization", ADMIN);

        assertThat(withoutACase.status()).as(withoutACase.body()).isEqualTo(404);
        assertThat(withACase.status()).as(withACase.body()).isEqualTo(404);
        assertThat(personWithACase.status()).as(personWithACase.body()).isEqualTo(404);
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
        assertThat(personByAdmin.status()).as(personByAdmin.body()).isEqualTo(200);
        assertThat(personByAdmin.json().get("name").asString()).isEqualTo("张叁");
        assertThat(personByAdmin.json().get("nameHistory").get(0).get("oldName").asString()).isEqualTo("张三");
        assertThat(personByAdmin.json().get("nameHistory").get(0).get("actorRole").asString()).isEqualTo("ADMIN");
        assertThat(publicEntry(uscc).get("name").asString()).isEqualTo("新名称");
    }

    @Test
    void aDepartmentWithoutACaseOfAUnitSeesItsCodeAndNameButNotHowItWasRegisteredOrRenamed() {
        String uscc = ViolationFixture.CODES.uscc("320602");
        JsonNode violation = scenario.violation(aViolation().unit(uscc, "查阅单位" + System.nanoTime() % 1_000_000_000L));
        scenario.list(Scenario.unitListing(violation), today());
        http.postJson("/api/v1/subjects/units/" + uscc + "/name-changes",
                "{\"name\":\"查阅单位新名\",\"reason\":\"营业执照变更，经办人内部意见\"}", "Authorization", AJJ);

        JsonNode asOutsider = http.get("/api/v1/subjects/units/" + uscc, "Authorization", ZJJ).json();
        JsonNode asDecider = http.get("/api/v1/subjects/units/" + uscc, "Authorization", AJJ).json();

        assertThat(asOutsider.get("unit").get("name").asString()).isEqualTo("查阅单位新名");
        assertThat(asOutsider.get("nameHistory")).isEmpty();
        assertThat(asOutsider.get("listings")).isEmpty();
        assertThat(asOutsider.get("violations")).isEmpty();
        assertThat(asDecider.get("nameHistory")).hasSize(1);
        assertThat(asDecider.get("listings")).isNotEmpty();
    }

    @Test
    void aNameChangeNeedsAReasonAndAPublishableNameDifferentFromTheCurrentOne() {
        String uscc = ViolationFixture.CODES.uscc("320602");
        String name = "校验单位" + System.nanoTime() % 1_000_000_000L;
        scenario.list(Scenario.unitListing(scenario.violation(aViolation().unit(uscc, name))), today());
        String path = "/api/v1/subjects/units/" + uscc + "/name-changes";

        Http.Response noReason = http.postJson(path, "{\"name\":\"新名称公司\"}", "Authorization", AJJ);
        Http.Response spoofed = http.postJson(path, "{\"name\":\"新名称\u202E司公\",\"reason\":\"变更\"}", "Authorization", AJJ);
        Http.Response same = http.postJson(path, "{\"name\":\" " + name + " \",\"reason\":\"变更\"}", "Authorization", AJJ);

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(firstError(noReason)).isEqualTo("reason");
        assertThat(spoofed.status()).isEqualTo(400);
        assertThat(firstError(spoofed)).isEqualTo("name");
        assertThat(same.status()).isEqualTo(400);
        assertThat(firstError(same)).isEqualTo("name");
    }

    @Test
    void namesWithFormatControlPrivateUseOrUnassignedCharactersAreRefusedNamingTheField() {
        // JSON escapes, so that the request itself is well-formed JSON carrying the character
        String[] bad = {"\\u202E", "\\u200B", "\\u2066", "\\uE000", "\\u0378", "\\u0007"};
        for (String c : bad) {
            Http.Response unit = http.postJson("/api/v1/violations",
                    aViolation().unit(ViolationFixture.CODES.uscc("320602"), "恶意" + c + "公司").json(), "Authorization", AJJ);
            assertThat(unit.status()).as("unit name with %s", c).isEqualTo(400);
            assertThat(firstError(unit)).isEqualTo("unit.name");
            Http.Response person = http.postJson("/api/v1/violations",
                    aViolation().withoutPersons().withPrincipal("张" + c + "三",
                            ViolationFixture.aResidentId()).json(),
                    "Authorization", AJJ);
            assertThat(person.status()).as("person name with %s", c).isEqualTo(400);
            assertThat(firstError(person)).isEqualTo("persons[0].name");
        }
        Http.Response register = http.postJson("/api/v1/subjects/units",
                "{\"uscc\":\"" + ViolationFixture.CODES.uscc("320602") + "\",\"name\":\"登记\u202E公司\"}", "Authorization", ADMIN);
        assertThat(register.status()).isEqualTo(400);
        assertThat(firstError(register)).isEqualTo("name");
    }

    @Test
    void namesAreStoredInNfcWithoutSurroundingWhiteSpace() {
        String uscc = ViolationFixture.CODES.uscc("320602");
        String suffix = String.valueOf(System.nanoTime());
        JsonNode violation = scenario.violation(aViolation().unit(uscc, "  Cafe\u0301咖啡公司" + suffix + " "));

        assertThat(violation.get("unit").get("name").asString()).isEqualTo("Caf\u00e9咖啡公司" + suffix);
        assertThat(http.get("/api/v1/subjects/units/" + uscc, "Authorization", AJJ).json().get("unit").get("name")
                .asString()).isEqualTo("Caf\u00e9咖啡公司" + suffix);
    }

    @Test
    void anotherDepartmentSeesNeitherTheCasesNorTheListingsOfAUnit() {
        String uscc = ViolationFixture.CODES.uscc("320602");
        JsonNode violation = scenario.violation(aViolation().unit(uscc, "隔离单位" + System.nanoTime() % 1_000_000_000L));
        scenario.list(Scenario.unitListing(violation), today());
        JsonNode zjjCase = recordAs(ZJJ, aViolation().unit(uscc, "隔离单位"));

        JsonNode byZjj = http.get("/api/v1/subjects/units/" + uscc, "Authorization", ZJJ).json();
        JsonNode byAjj = http.get("/api/v1/subjects/units/" + uscc, "Authorization", AJJ).json();
        JsonNode byAdmin = http.get("/api/v1/subjects/units/" + uscc, "Authorization", ADMIN).json();

        assertThat(byZjj.get("violations").valueStream().map(v -> v.get("department").asString())).containsOnly("ZJJ");
        assertThat(byZjj.toString()).doesNotContain(violation.get("caseNumber").asString());
        // ZJJ sees the listing proposed on its own case (referred to AJJ, which decides OM11 listings), no other.
        assertThat(byZjj.get("listings").findValuesAsString("violationId"))
                .containsOnly(zjjCase.get("id").asString());
        assertThat(byZjj.get("listings").toString()).doesNotContain("\"id\":" + Scenario.unitListing(violation) + ",");
        assertThat(byAjj.get("violations").valueStream().map(v -> v.get("department").asString())).containsOnly("AJJ");
        assertThat(byAjj.get("listings").findValuesAsString("department")).containsOnly("AJJ");
        assertThat(byAdmin.get("violations")).hasSize(2);
    }

    @Test
    void personsAreAddressedByAnOpaqueIdAndOnlyDepartmentsWithACaseOfThemFindThem() {
        String idNumber = ViolationFixture.aResidentId();
        JsonNode violation = scenario.violation(aViolation().withoutPersons().withPrincipal("王五", idNumber));
        String personId = violation.get("persons").get(0).get("personId").asString();
        String search = "{\"idNumber\":\"" + idNumber + "\"}";

        assertThat(UUID.fromString(personId).toString()).isEqualTo(personId);
        Http.Response own = http.get("/api/v1/subjects/persons/" + personId, "Authorization", AJJ);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("id").asString()).isEqualTo(personId);
        assertThat(own.body()).doesNotContain(idNumber);
        assertThat(http.get("/api/v1/subjects/persons/" + personId, "Authorization", ZJJ).status()).isEqualTo(404);
        assertThat(http.postJson("/api/v1/subjects/persons/search", search, "Authorization", ZJJ).status()).isEqualTo(404);
        assertThat(http.postJson("/api/v1/subjects/persons/search", search, "Authorization", AJJ).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/subjects/persons/" + personId, "Authorization", ADMIN).status()).isEqualTo(200);
        for (int sequential = 1; sequential <= 3; sequential++) {
            assertThat(http.get("/api/v1/subjects/persons/" + sequential, "Authorization", ZJJ).status())
                    .as("sequential id %d", sequential).isEqualTo(404);
            assertThat(http.get("/api/v1/subjects/persons/" + sequential, "Authorization", ADMIN).status())
                    .as("sequential id %d", sequential).isEqualTo(404);
        }
    }

    @Test
    void theCreditOfficeSeesAFullIdNumberOnlyWithAReasonAndEveryRevealIsRecorded() {
        String idNumber = ViolationFixture.aResidentId();
        JsonNode violation = scenario.violation(aViolation().withoutPersons().withPrincipal("查看人", idNumber));
        String personId = violation.get("persons").get(0).get("personId").asString();
        String path = "/api/v1/subjects/persons/" + personId + "/id-number-reveals";

        Http.Response withoutReason = http.postJson(path, "{}", "Authorization", ADMIN);
        Http.Response byEnforcement = http.postJson(path, "{\"reason\":\"核对身份\"}", "Authorization", AJJ);
        Http.Response oldWay = http.get("/api/v1/subjects/persons/" + personId + "?reveal=true", "Authorization", ADMIN);
        Http.Response revealed = http.postJson(path, "{\"reason\":\"法院协助执行通知书（2026）苏0602执123号\"}",
                "Authorization", ADMIN);
        JsonNode reveals = http.get(path, "Authorization", ADMIN).json();

        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(firstError(withoutReason)).isEqualTo("reason");
        assertThat(byEnforcement.status()).isEqualTo(403);
        assertThat(oldWay.status()).isEqualTo(400);
        assertThat(firstError(oldWay)).isEqualTo("reveal");
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(201);
        assertThat(revealed.json().get("idNumber").asString()).isEqualTo(idNumber);
        assertThat(revealed.header("Cache-Control")).contains("no-store");
        assertThat(reveals).hasSize(1);
        assertThat(reveals.get(0).get("department").asString()).isEqualTo("AWB");
        assertThat(reveals.get(0).get("reason").asString()).startsWith("法院协助执行通知书");
        assertThat(reveals.get(0).get("revealedAt").isNull()).isFalse();
        assertThat(reveals.toString()).doesNotContain(idNumber);
        assertThat(http.get("/api/v1/subjects/persons/" + personId, "Authorization", ADMIN).body()).doesNotContain(idNumber);
    }

    @Test
    void publicSearchByNameStillFindsARenamedUnit() {
        String uscc = ViolationFixture.CODES.uscc("320602");
        String name = "公示改名" + System.nanoTime() % 1_000_000_000L;
        JsonNode violation = scenario.violation(aViolation().unit(uscc, name));
        scenario.list(Scenario.unitListing(violation), today());
        http.postJson("/api/v1/subjects/units/" + uscc + "/name-changes",
                "{\"name\":\"" + name + "新\",\"reason\":\"营业执照变更\"}", "Authorization", ADMIN);

        assertThat(http.getPublic("/api/v1/public/listings?q=" + enc(name + "新")).json().get("total").asLong()).isEqualTo(1);
    }
}
