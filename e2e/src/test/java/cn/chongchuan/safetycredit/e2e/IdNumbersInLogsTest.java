package cn.chongchuan.safetycredit.e2e;

import cn.chongchuan.safetycredit.devstack.DemoData;
import cn.chongchuan.safetycredit.devstack.GatewayClient;
import cn.chongchuan.safetycredit.devstack.Stack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After persons were recorded and checked through the gateway (and an ID number was tried in a
 * URL path), no log file of the system holds a full ID number: not the ones this test used, not
 * the other tests' and the demo's, and no other valid ID number either (the browser tests make
 * random ones). Run last or alone: it reads every log written by this test JVM's stack.
 */
class IdNumbersInLogsTest {

    /** Every 18-character window of a digit run, wherever it stands (overlapping: a lookahead). */
    private static final Pattern ID_SHAPED = Pattern.compile("(?=(\\d{17}[\\dX]))");
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static Stack stack;

    @BeforeAll
    static void system() {
        stack = RunningStack.get();
    }

    @Test
    void noLogHoldsAFullIdNumberAfterPersonsWereRecordedCheckedAndSentInAPath() {
        GatewayClient enforcement = stack.as("AJJ");
        GatewayClient approval = stack.as("XZSPJ");
        GatewayClient admin = stack.as("AWB");
        String principal = randomIdNumber();
        String other = randomIdNumber();

        JsonNode violation = enforcement.post("/api/v1/violations", """
                {"caseNumber":"LOG-%s","decisionNumber":"崇应急罚决〔2026〕日志号","decisionDate":"%s",
                 "criterionCode":"OM11-03","description":"日志检查","fineAmount":600000,
                 "accidentDate":"%s","accidentGrade":"GENERAL","fineMultiple":2,"especiallySerious":true,
                 "unit":{"uscc":"%s","name":"南通崇川日志检查有限公司"},
                 "persons":[{"name":"日志人","idNumber":"%s","responsibility":"PRINCIPAL"},
                            {"name":"其他人","idNumber":"%s","responsibility":"OTHER"}]}"""
                .formatted(UUID.randomUUID(), TODAY.minusDays(3), TODAY.minusDays(40), "91320602LQG7BR1N6E", principal,
                        other)).ok();
        for (JsonNode listing : violation.get("listings")) {
            admin.get("/api/v1/listings/" + listing.get("listingId").asLong()).ok();
        }
        JsonNode posted = approval.post("/api/v1/checks/single", "{\"code\":\"" + principal + "\"}").ok();
        assertThat(posted.get("subjectType").asString()).isEqualTo("PERSON");
        assertThat(posted.get("status").asString()).isEqualTo("PROPOSED");
        approval.post("/api/v1/checks", "{\"codes\":[\"" + principal + "\",\"" + other + "\"]}").ok();
        enforcement.post("/api/v1/subjects/persons/search", "{\"idNumber\":\"" + other + "\"}");
        // The audit is written behind the answer: the person's checks are found there soon after.
        await().atMost(Duration.ofSeconds(10)).until(() -> !admin.post("/api/v1/checks/audit/search",
                "{\"code\":\"" + principal + "\"}").ok().get("items").isEmpty());
        assertThat(admin.get("/api/v1/checks/audit?code=" + principal).status()).isEqualTo(400);
        // Spellings that once got a number past the gateway's mask: a pasted space, a full-width
        // space, letters glued to it, every digit percent-escaped.
        for (String spelling : List.of("%20" + principal, "%E3%80%80" + principal, "ID" + principal, escaped(other))) {
            assertThat(approval.get("/api/v1/checks/" + spelling).status()).isEqualTo(400);
        }

        GatewayClient.Answer refused = approval.get("/api/v1/checks/" + principal);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").get(0).get("field").asString()).isEqualTo("code");
        assertThat(refused.raw()).contains("POST");
        assertThat(approval.get("/api/v1/checks/" + other + "?subjectType=PERSON").status()).isEqualTo(400);
        Path gatewayLog = stack.logDir().resolve("gateway.log");
        String masked = principal.substring(0, 6) + "********" + principal.substring(14);
        await().atMost(Duration.ofSeconds(10)).until(() -> read(gatewayLog).contains("/api/v1/checks/" + masked));

        Set<String> used = new LinkedHashSet<>(List.of(principal, other, EndToEndTest.PRINCIPAL_ID, RoleMatrixTest.PRINCIPAL_ID));
        used.addAll(DemoData.personIds());
        List<String> found = new ArrayList<>();
        for (Path log : logsOfThisRun()) {
            String text = read(log);
            used.stream().filter(id -> text.contains(id) || text.contains(escaped(id)))
                    .forEach(id -> found.add(log.getFileName() + ": " + id));
            Matcher shaped = ID_SHAPED.matcher(text);
            while (shaped.find()) {
                if (isValidIdNumber(shaped.group(1))) {
                    found.add(log.getFileName() + ": " + shaped.group(1) + " in …"
                            + text.substring(Math.max(0, shaped.start() - 80), shaped.start()));
                }
            }
        }
        assertThat(logsOfThisRun()).extracting(p -> p.getFileName().toString())
                .contains("gateway.log", "credit-service.log", "sanction-service.log");
        assertThat(found).as("full ID numbers in the logs").isEmpty();
    }

    /** Every character percent-escaped, as a client trying to slip a number past the mask would send it. */
    private static String escaped(String code) {
        StringBuilder escaped = new StringBuilder();
        code.chars().forEach(c -> escaped.append('%').append(Integer.toHexString(c).toUpperCase()));
        return escaped.toString();
    }

    /** Every log file the stack of this JVM wrote (older files of other runs are left out). */
    private static List<Path> logsOfThisRun() {
        long started = ManagementFactory.getRuntimeMXBean().getStartTime();
        try (Stream<Path> files = Files.walk(stack.logDir())) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".log"))
                    .filter(p -> p.toFile().lastModified() >= started).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GB 11643: a birth date from 1900 to today and the ISO 7064 MOD 11-2 check character. */
    static boolean isValidIdNumber(String code) {
        try {
            LocalDate born = LocalDate.parse(code.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
            if (born.getYear() < 1900 || born.isAfter(TODAY)) {
                return false;
            }
        } catch (RuntimeException notADate) {
            return false;
        }
        return checkCharacter(code.substring(0, 17)) == code.charAt(17);
    }

    private static char checkCharacter(String first17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    static String randomIdNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "320602" + LocalDate.of(1960, 1, 1).plusDays(random.nextInt(14_000)).format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", random.nextInt(1000));
        return first17 + checkCharacter(first17);
    }
}
