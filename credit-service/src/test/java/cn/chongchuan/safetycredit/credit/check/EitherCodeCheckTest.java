package cn.chongchuan.safetycredit.credit.check;

import cn.chongchuan.safetycredit.credit.ServiceTest;
import cn.chongchuan.safetycredit.platform.testing.MutableClock;
import cn.chongchuan.safetycredit.credit.support.ViolationFixture;
import cn.chongchuan.safetycredit.platform.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static cn.chongchuan.safetycredit.credit.support.ViolationFixture.aViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Codes valid under both standards (a USCC by GB 32100 and an ID number by GB 11643, about one ID
 * number in thirty), generated afresh on every run, put on the register as a unit, as a person, as
 * both or as neither: no way of asking — one code by POST, a batch, a past instant, the cache hit
 * after the first answer — answers CLEAR while either reading is listed, and each answer says it
 * looked the code up as both, in the signed text too.
 */
@ServiceTest
class EitherCodeCheckTest {

    private static final int CODES_PER_CASE = 3;

    enum OnTheRegister { UNIT, PERSON, BOTH, NEITHER }

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    Http http;
    CheckScenario scenario;

    @BeforeEach
    void setUp() {
        http = Http.local(port);
        scenario = new CheckScenario(http);
        clock.set(Instant.now());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    }

    private static String aCodeValidAsBoth() {
        return ViolationFixture.CODES.eitherCode("320602",
                LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000)));
    }

    /** Records and lists the code as the case says; returns the subject type the answer must name. */
    private String register(String code, OnTheRegister onTheRegister) {
        String name = "两可代码公司" + System.nanoTime() % 1_000_000_000L;
        ViolationFixture fixture = switch (onTheRegister) {
            case UNIT -> aViolation().unit(code, name);
            case PERSON -> aViolation().withoutPersons().withPrincipal("两可", code);
            case BOTH -> aViolation().unit(code, name).withoutPersons().withPrincipal("两可", code);
            case NEITHER -> null;
        };
        if (fixture == null) {
            return null;
        }
        JsonNode violation = scenario.violation(fixture);
        if (onTheRegister != OnTheRegister.PERSON) {
            scenario.list(CheckScenario.unitListing(violation), today());
        }
        if (onTheRegister != OnTheRegister.UNIT) {
            scenario.list(CheckScenario.personListing(violation), today());
        }
        return onTheRegister == OnTheRegister.PERSON ? "PERSON" : "UNIT";
    }

    @ParameterizedTest
    @EnumSource(OnTheRegister.class)
    void aCodeValidAsBothIsLookedUpAsBothAndNeverClearWhileEitherReadingIsListed(OnTheRegister onTheRegister) {
        for (int sample = 0; sample < CODES_PER_CASE; sample++) {
            String code = aCodeValidAsBoth();
            String subjectType = register(code, onTheRegister);
            clock.advance(Duration.ofSeconds(1));
            Instant asOf = clock.instant();
            clock.advance(Duration.ofSeconds(1));

            Map<String, JsonNode> answers = new LinkedHashMap<>();
            answers.put("POST single", single("{\"code\":\"" + code + "\"}"));
            JsonNode again = single("{\"code\":\"" + code + "\"}");
            assertThat(again.get("source").asString()).as("the second answer comes from the cache").isEqualTo("cache");
            answers.put("POST single again (cached)", again);
            answers.put("POST single asOf", single("{\"code\":\"" + code + "\",\"asOf\":\"" + asOf + "\"}"));
            answers.put("batch", batchItem(code));

            String status = onTheRegister == OnTheRegister.NEITHER ? "CLEAR" : "LISTED";
            answers.forEach((how, answer) -> {
                String as = onTheRegister + " " + code + " " + how + ": " + answer;
                assertThat(answer.get("status").asString()).as(as).isEqualTo(status);
                assertThat(answer.get("lookedUpAs").toString()).as(as).isEqualTo("[\"UNIT\",\"PERSON\"]");
                String signed = answer.get("receipt").get("signedText").asString();
                assertThat(signed).as(as).contains("\nlookedUpAs:UNIT,PERSON\n", "\nstatus:" + status + "\n");
                if (subjectType == null) {
                    // On the register as neither: nothing kept that may be someone's ID number.
                    assertThat(answer.has("subjectType")).as(as).isFalse();
                    assertThat(answer.toString()).as(as).doesNotContain(code);
                } else {
                    assertThat(answer.get("subjectType").asString()).as(as).isEqualTo(subjectType);
                    assertThat(answer.get("basis").get("state").asString()).as(as).isEqualTo("LISTED");
                    // Listed as both: the answer rests on both readings' listings, and signs both.
                    List<String> bases = new ArrayList<>();
                    answer.get("bases").forEach(b -> bases.add(b.get("subjectType").asString()));
                    assertThat(bases).as(as).containsExactlyElementsOf(onTheRegister == OnTheRegister.BOTH
                            ? List.of("UNIT", "PERSON") : List.of(subjectType));
                    assertThat(signed).as(as).contains("\notherBases:"
                            + (onTheRegister == OnTheRegister.BOTH ? 1 : 0) + "\n");
                }
            });
            String search = "{\"code\":\"" + code + "\"}";
            await().atMost(Duration.ofSeconds(10)).until(() -> http.postJson("/api/v1/checks/audit/search", search,
                    "Authorization", CheckScenario.admin()).json().get("items").size() == answers.size());
        }
    }

    @org.junit.jupiter.api.Test
    void aListedReadingOutranksAProposedOneWhicheverItIs() {
        String personListed = aCodeValidAsBoth();
        scenario.violation(aViolation().unit(personListed, "拟列入单位" + System.nanoTime() % 1_000_000L));
        scenario.list(CheckScenario.personListing(
                scenario.violation(aViolation().withoutPersons().withPrincipal("已列入", personListed))), today());
        String unitListed = aCodeValidAsBoth();
        scenario.list(CheckScenario.unitListing(scenario.violation(aViolation().unit(unitListed, "已列入单位"
                + System.nanoTime() % 1_000_000L))), today());
        scenario.violation(aViolation().withoutPersons().withPrincipal("拟列入", unitListed));

        JsonNode asPerson = single("{\"code\":\"" + personListed + "\"}");
        JsonNode asUnit = batchItem(unitListed);

        assertThat(asPerson.get("status").asString()).isEqualTo("LISTED");
        assertThat(asPerson.get("subjectType").asString()).isEqualTo("PERSON");
        assertThat(asUnit.get("status").asString()).isEqualTo("LISTED");
        assertThat(asUnit.get("subjectType").asString()).isEqualTo("UNIT");
    }

    @org.junit.jupiter.api.Test
    void aValidIdNumberThatIsAlsoARegisteredPilotCodeIsLookedUpAsTheUnitToo() {
        // An ID number whose USCC check character is wrong, registered by the credit office as a
        // pilot unit code (accepted with its check character, with a reason), then proposed.
        String code = ViolationFixture.aResidentId();
        Http.Response registered = http.postJson("/api/v1/subjects/units", "{\"uscc\":\"" + code
                + "\",\"name\":\"试点代码单位\",\"checkOverrideReason\":\"试点期间赋码，校验位不符\"}",
                "Authorization", CheckScenario.admin());
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        scenario.violation(aViolation().unit(code, "试点代码单位"));

        JsonNode answer = single("{\"code\":\"" + code + "\"}");

        assertThat(answer.get("status").asString()).as(answer.toString()).isEqualTo("PROPOSED");
        assertThat(answer.get("subjectType").asString()).isEqualTo("UNIT");
        assertThat(answer.get("lookedUpAs").toString()).isEqualTo("[\"UNIT\",\"PERSON\"]");
    }

    private JsonNode single(String body) {
        Http.Response response = http.postJson("/api/v1/checks/single", body, "Authorization", CheckScenario.xzspj());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode batchItem(String code) {
        String other = ViolationFixture.CODES.uscc("320602");
        Http.Response response = http.postJson("/api/v1/checks", "{\"codes\":[\"" + other + "\",\"" + code + "\"]}",
                "Authorization", CheckScenario.xzspj());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode item = response.json().get("results").get(1);
        assertThat(item.get("positions").toString()).isEqualTo("[1]");
        return item;
    }
}
