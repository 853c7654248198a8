package cn.chongchuan.safetycredit.credit.disclosure;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.credit.subject.domain.InvalidCodeException;
import cn.chongchuan.safetycredit.credit.subject.domain.UnifiedSocialCreditCode;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.credit.support.Scenario;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static cn.chongchuan.safetycredit.credit.support.Scenario.ADMIN;
import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;

@ServiceTest
class PublicDisclosureApiTest {

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

    @Test
    void onlyListedEntriesArePublishedWithPersonsMasked() {
        String name = "公示测试危化品公司" + System.nanoTime() % 1_000_000_000L;
        String personName = "公示" + System.nanoTime() % 1_000_000_000L;
        ViolationFixture fixture = aViolation().unit(ViolationFixture.CODES.uscc("320602"), name).withoutPersons()
                .withPrincipal(personName, ViolationFixture.aResidentId());
        JsonNode violation = scenario.violation(fixture);
        String query = "/api/v1/public/listings?q=" + enc(name);
        assertThat(http.getPublic(query).json().get("total").asLong()).isZero();

        scenario.list(Scenario.unitListing(violation), today());
        scenario.list(Scenario.personListing(violation), today());

        JsonNode page = http.getPublic("/api/v1/public/listings?code=" + fixture.uscc()).json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("name").asString()).isEqualTo(name);
        JsonNode person = http.getPublic("/api/v1/public/listings?q=" + enc(personName)).json().get("items").get(0);
        assertThat(person.get("code").asString()).isEqualTo(fixture.principalId().substring(0, 6) + "********"
                + fixture.principalId().substring(14));
        String everything = http.getPublic("/api/v1/public/listings?size=100").body();
        assertThat(everything).doesNotContain(fixture.principalId());
    }

    @Test
    void endedListingsVanishAtOnceEvenBeforeTheExpiryJobRuns() {
        String name = "到期消失公司" + System.nanoTime() % 1_000_000_000L;
        JsonNode violation = scenario.violation(aViolation().unit(ViolationFixture.CODES.uscc("320602"), name));
        scenario.list(Scenario.unitListing(violation), today());
        assertThat(http.getPublic("/api/v1/public/listings?q=" + enc(name)).json().get("total").asLong()).isEqualTo(1);

        clock.advance(Duration.ofDays(3 * 366));

        assertThat(http.getPublic("/api/v1/public/listings?q=" + enc(name)).json().get("total").asLong()).isZero();
    }

    @Test
    void revokedListingsLeavePublicView() {
        String name = "撤销公示公司" + System.nanoTime() % 1_000_000_000L;
        JsonNode violation = scenario.violation(aViolation().unit(ViolationFixture.CODES.uscc("320602"), name));
        long id = Scenario.unitListing(violation);
        scenario.list(id, today());

        http.postJson("/api/v1/listings/" + id + "/revocation", "{\"reason\":\"错误\"}", "Authorization", ADMIN);

        assertThat(http.getPublic("/api/v1/public/listings?q=" + enc(name)).json().get("total").asLong()).isZero();
    }

    @Test
    void thePublicListTakesNoPersonalIdNumberInAnyParameter() {
        ViolationFixture fixture = aViolation();
        JsonNode violation = scenario.violation(fixture);
        scenario.list(Scenario.personListing(violation), today());
        String id = fixture.principalId();
        String lowerX = id.substring(0, 17) + "x";

        for (String probe : new String[] {id, lowerX, id.substring(0, 17), id.substring(0, 15),
                id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0')}) {
            if (isValidUscc(probe)) {
                continue;
            }
            Http.Response byCode = http.getPublic("/api/v1/public/listings?code=" + probe);
            assertThat(byCode.status()).as("code=%s", ResidentMask.of(probe)).isEqualTo(400);
            assertThat(byCode.json().get("errors").get(0).get("field").asString()).isEqualTo("code");
            assertThat(byCode.body()).doesNotContain(probe);
            Http.Response csv = http.getPublic("/api/v1/public/listings.csv?code=" + probe);
            assertThat(csv.status()).isEqualTo(400);
        }
        Http.Response byName = http.getPublic("/api/v1/public/listings?q=" + id);
        assertThat(byName.status()).isEqualTo(400);
        assertThat(byName.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
        assertThat(http.getPublic("/api/v1/public/listings?q=" + enc("张三" + id)).status()).isEqualTo(400);
        assertThat(http.getPublic("/api/v1/public/listings.csv?q=" + id).status()).isEqualTo(400);
    }

    @Test
    void aCodeValidAsBothAUsccAndAnIdNumberFindsItsUnitAndNeverAPerson() {
        String both = codeValidUnderBothStandards();
        String name = "双重校验公司" + System.nanoTime() % 1_000_000_000L;
        JsonNode violation = scenario.violation(aViolation().unit(both, name).withoutPersons()
                .withPrincipal("双码人" + System.nanoTime(), both));
        scenario.list(Scenario.unitListing(violation), today());
        scenario.list(Scenario.personListing(violation), today());

        JsonNode page = http.getPublic("/api/v1/public/listings?code=" + both).json();

        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("subjectType").asString()).isEqualTo("UNIT");
        assertThat(page.get("items").get(0).get("name").asString()).isEqualTo(name);
        assertThat(UnifiedSocialCreditCode.parse("911101192211154488", "code").value()).isEqualTo("911101192211154488");
    }

    /** A fresh 崇川区 ID number that also passes the GB 32100 check, made with the project's own generator. */
    private static String codeValidUnderBothStandards() {
        return ViolationFixture.CODES.eitherCode("320602", LocalDate.of(1950, 1, 1)
                .plusDays(java.util.concurrent.ThreadLocalRandom.current().nextInt(20_000)));
    }

    private static boolean isValidUscc(String code) {
        try {
            UnifiedSocialCreditCode.parse(code, "code");
            return true;
        } catch (InvalidCodeException e) {
            return false;
        }
    }

    /** Test messages never carry a whole ID number either. */
    private static final class ResidentMask {
        static String of(String number) {
            return number.length() < 10 ? "***" : number.substring(0, 6) + "…" + number.substring(number.length() - 2);
        }
    }

    @Test
    void pagingIsStableAndLikeWildcardsAreLiteral() {
        String prefix = "分页公司" + System.nanoTime() % 1_000_000_000L + "_";
        for (int i = 0; i < 5; i++) {
            JsonNode violation = scenario.violation(aViolation().unit(ViolationFixture.CODES.uscc("320602"), prefix + i));
            scenario.list(Scenario.unitListing(violation), today());
        }

        JsonNode first = http.getPublic("/api/v1/public/listings?size=2&page=0&q=" + enc(prefix)).json();
        JsonNode second = http.getPublic("/api/v1/public/listings?size=2&page=1&q=" + enc(prefix)).json();
        JsonNode wildcard = http.getPublic("/api/v1/public/listings?q=" + enc("%")).json();

        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(first.get("items").findValuesAsString("name")).doesNotContainAnyElementsOf(
                second.get("items").findValuesAsString("name"));
        assertThat(wildcard.get("total").asLong()).isZero();
        assertThat(http.getPublic("/api/v1/public/listings?size=1000").status()).isEqualTo(400);
    }

    @Test
    void theListDownloadsAsCsvWithFormulasNeutralised() {
        String name = "=HYPERLINK(\"x\")导出公司" + System.nanoTime() % 1_000_000_000L;
        JsonNode violation = scenario.violation(aViolation().unit(ViolationFixture.CODES.uscc("320602"), name.replace("\"", "")));
        scenario.list(Scenario.unitListing(violation), today());

        Http.Response csv = http.getPublic("/api/v1/public/listings.csv?q=" + enc("导出公司"));

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFF序号,主体类型,名称");
        assertThat(csv.body()).contains("\"'=HYPERLINK(x)导出公司");
    }
}
