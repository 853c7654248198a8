package cn.chongchuan.safetycredit.credit.followup;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.followup.FollowUpLists.TypicalCase;
import cn.chongchuan.safetycredit.credit.followup.domain.NameMask;
import cn.chongchuan.safetycredit.platform.testing.Http;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.platform.web.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static cn.chongchuan.safetycredit.credit.followup.FollowUpScenario.admin;
import static cn.chongchuan.safetycredit.credit.followup.FollowUpScenario.ajj;
import static cn.chongchuan.safetycredit.credit.followup.FollowUpScenario.id;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aResidentId;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

/** The public warning list of typical cases: what each entry shows, and what reading a page costs the database. */
@ServiceTest
class TypicalCasesTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    TypicalCaseService typicalCases;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    Http http;
    FollowUpScenario scenario;

    @BeforeEach
    void setUp() {
        clock.set(Instant.now());
        http = Http.local(port);
        scenario = new FollowUpScenario(http);
    }

    @Test
    void aPageOfTypicalCasesCostsTheSameStatementsWhetherItHoldsOneCaseOrThree() {
        for (int i = 0; i < 3; i++) {
            markTypical(id(scenario.violation(aViolation().withOther("李四", aResidentId()))));
        }

        long one = selectsWhileReading(1);
        long three = selectsWhileReading(3);

        // Counted by MariaDB itself (the connection's Com_select), not by the code under test; the
        // statements that read the counter are taken off. Read case by case, it was 7 per case and 3 more.
        assertThat(three).as("SELECT statements for a page of 3 vs a page of 1").isEqualTo(one);
        assertThat(three).as("SELECT statements for a page of 3").isLessThanOrEqualTo(4);
    }

    @Test
    void aTypicalCaseShowsTheCurrentDecisionTheUnitAsTheCaseNamesItAndEveryPersonMasked() {
        long id = id(scenario.violation(aViolation().withOther("欧阳小明", aResidentId())));
        LocalDate corrected = LocalDate.now().minusDays(2);
        Http.Response correction = http.postJson("/api/v1/violations/" + id + "/corrections", """
                {"decisionNumber":"崇应急罚决〔2026〕典型更正%d号","decisionDate":"%s","description":"更正后的事实",
                 "fineAmount":800000,"reason":"决定书文号笔误"}""".formatted(id, corrected), "Authorization", ajj());
        assertThat(correction.status()).as(correction.body()).isEqualTo(200);
        markTypical(id);
        JsonNode violation = http.get("/api/v1/violations/" + id, "Authorization", admin()).json();
        JsonNode page = http.get("/api/v1/violations/" + id + "/follow-up", "Authorization", admin()).json();

        JsonNode item = typicalItem(id);

        assertThat(item.get("unitName").asString()).isEqualTo(violation.get("unit").get("name").asString());
        assertThat(item.get("uscc").asString()).isEqualTo(violation.get("unit").get("uscc").asString());
        assertThat(item.get("criterionTitle").asString()).isEqualTo(violation.get("criterion").get("title").asString());
        assertThat(item.get("department").asString()).isEqualTo(page.get("departmentName").asString());
        assertThat(item.get("decisionDate").asString()).isEqualTo(corrected.toString());
        assertThat(item.get("decisionNumber").asString()).isEqualTo("崇应急罚决〔2026〕典型更正" + id + "号");
        assertThat(item.get("warning").asString()).isEqualTo("典型案件警示 " + id);
        List<String> expected = new ArrayList<>();
        violation.get("persons").forEach(p -> expected.add(NameMask.mask(p.get("name").asString()) + " "
                + p.get("maskedIdNumber").asString() + " " + p.get("responsibility").asString()));
        List<String> shown = new ArrayList<>();
        item.get("persons").forEach(p -> shown.add(p.get("name").asString() + " " + p.get("maskedIdNumber").asString()
                + " " + p.get("responsibility").asString()));
        assertThat(shown).containsExactlyElementsOf(expected).containsExactly(
                "张* " + violation.get("persons").get(0).get("maskedIdNumber").asString() + " PRINCIPAL",
                "欧*** " + violation.get("persons").get(1).get("maskedIdNumber").asString() + " OTHER");
    }

    @Test
    void aCaseWithoutPersonsIsPublishedWithAnEmptyList() {
        long id = id(scenario.violation(aViolation().criterion("OM11-07").withoutPersons()));
        markTypical(id);

        assertThat(typicalItem(id).get("persons")).isEmpty();
    }

    private void markTypical(long id) {
        Http.Response marked = http.postJson("/api/v1/violations/" + id + "/follow-up/typical",
                "{\"warning\":\"典型案件警示 " + id + "\"}", "Authorization", admin());
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
    }

    /** The case on the public list (marked just now, so on its first page). */
    private JsonNode typicalItem(long id) {
        Http.Response published = http.getPublic("/api/v1/public/typical-cases?size=50");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        return StreamSupport.stream(published.json().get("items").spliterator(), false)
                .filter(i -> i.get("violationId").asLong() == id).findFirst().orElseThrow();
    }

    /**
     * SELECTs MariaDB counts on the one connection that reads a page of {@code size} typical cases
     * (one transaction, so that every statement goes over that connection).
     */
    private long selectsWhileReading(int size) {
        return transaction.execute(status -> {
            long idle = -comSelect() + comSelect();
            long before = comSelect();
            Page<TypicalCase> page = typicalCases.typicalCases(0, size);
            long after = comSelect();
            assertThat(page.items()).hasSize(size);
            return after - before - idle;
        });
    }

    private long comSelect() {
        return jdbc.queryForObject("SHOW SESSION STATUS LIKE 'Com_select'", (rs, n) -> rs.getLong(2));
    }
}
